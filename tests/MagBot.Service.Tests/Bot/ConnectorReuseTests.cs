using System.Net;
using System.Security.Claims;
using MagBot.Bot;
using MagBot.Service.Tests.Support;
using Microsoft.Bot.Connector;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace MagBot.Service.Tests.Bot;

/// <summary>
/// Connector clients kept between turns (ConnectorClientPool) and the user-token client built only on use:
/// the SDK built both on every activity, a third of MagBot's processor time under load. Replies must still
/// reach the right channel address, and nothing a turn disposes may break the next turn.
/// </summary>
public sealed class ConnectorReuseTests
{
    [Fact]
    public async Task Turns_in_several_conversations_reply_through_one_kept_client_and_every_reply_arrives()
    {
        await using var connector = await ConnectorRecorder.StartAsync();
        await using var server = await MagBotServer.StartAsync();
        var pool = server.Services.GetRequiredService<ConnectorClientPool>();

        foreach (var (conversation, text) in new[] { ("reuse-a", "help"), ("reuse-b", "help"), ("reuse-a", "foods"), ("reuse-c", "hello") })
        {
            var response = await server.PostActivityAsync(Activities.Message(conversation, text, connector.ServiceUrl));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        var calls = await connector.WaitForAsync(4);
        Assert.Equal(["reuse-a", "reuse-b", "reuse-c"], calls.Select(c => c.ConversationId).Distinct().Order());
        Assert.Equal(1, pool.ClientsBuilt);
    }

    [Fact]
    public async Task Each_reply_address_gets_its_own_client_and_replies_go_to_the_address_of_their_turn()
    {
        await using var first = await ConnectorRecorder.StartAsync();
        await using var second = await ConnectorRecorder.StartAsync();
        await using var server = await MagBotServer.StartAsync();
        var pool = server.Services.GetRequiredService<ConnectorClientPool>();

        for (var i = 0; i < 2; i++)
        {
            await server.PostActivityAsync(Activities.Message("to-first", "help", first.ServiceUrl));
            await server.PostActivityAsync(Activities.Message("to-second", "help", second.ServiceUrl));
        }

        var toFirst = await first.WaitForAsync(2);
        var toSecond = await second.WaitForAsync(2);
        Assert.All(toFirst, c => Assert.Equal("to-first", c.ConversationId));
        Assert.All(toSecond, c => Assert.Equal("to-second", c.ConversationId));
        Assert.Equal(2, pool.ClientsBuilt);
    }

    [Fact]
    public async Task Disposing_a_pooled_client_leaves_the_kept_one_usable_and_the_same_key_gets_it_again()
    {
        var factory = new CountingFactory();
        var pool = new ConnectorClientPool(new FakeTimeProvider());

        var a = await pool.GetAsync(factory, "app", "https://channel.invalid/", "scope", default);
        a.Dispose();
        var b = await pool.GetAsync(factory, "app", "https://channel.invalid/", "scope", default);

        Assert.Equal(1, factory.Built);
        Assert.Same(a.Conversations, b.Conversations);
        Assert.Equal(0, factory.Disposed);
    }

    [Theory]
    [InlineData("other-app", "https://channel.invalid/", "scope")]
    [InlineData("app", "https://other.invalid/", "scope")]
    [InlineData("app", "https://channel.invalid/", "other-scope")]
    [InlineData(null, "https://channel.invalid/", "scope")]
    public async Task A_different_app_id_address_or_audience_never_gets_another_ones_client(string? appId, string serviceUrl, string audience)
    {
        var factory = new CountingFactory();
        var pool = new ConnectorClientPool(new FakeTimeProvider());

        var kept = await pool.GetAsync(factory, "app", "https://channel.invalid/", "scope", default);
        var other = await pool.GetAsync(factory, appId, serviceUrl, audience, default);

        Assert.Equal(2, factory.Built);
        Assert.NotSame(kept.Conversations, other.Conversations);
    }

    [Fact]
    public async Task A_client_older_than_its_lifetime_is_replaced_by_a_new_one()
    {
        var factory = new CountingFactory();
        var time = new FakeTimeProvider();
        var pool = new ConnectorClientPool(time);

        var before = await pool.GetAsync(factory, "app", "https://channel.invalid/", null, default);
        time.Advance(ConnectorClientPool.Lifetime - TimeSpan.FromSeconds(1));
        var stillKept = await pool.GetAsync(factory, "app", "https://channel.invalid/", null, default);
        time.Advance(TimeSpan.FromSeconds(2));
        var renewed = await pool.GetAsync(factory, "app", "https://channel.invalid/", null, default);

        Assert.Same(before.Conversations, stillKept.Conversations);
        Assert.NotSame(before.Conversations, renewed.Conversations);
        Assert.Equal(2, factory.Built);
    }

    [Fact]
    public async Task Past_the_pool_size_a_turn_gets_a_client_of_its_own_that_it_disposes()
    {
        var factory = new CountingFactory();
        var pool = new ConnectorClientPool(new FakeTimeProvider());
        for (var i = 0; i < ConnectorClientPool.MaxClients; i++)
        {
            (await pool.GetAsync(factory, "app", $"https://c{i}.invalid/", null, default)).Dispose();
        }
        Assert.Equal(0, factory.Disposed);

        var extra = await pool.GetAsync(factory, "app", "https://one-too-many.invalid/", null, default);
        extra.Dispose();

        Assert.Equal(1, factory.Disposed);
    }

    [Fact]
    public async Task A_shared_client_refuses_a_new_base_address_so_one_turn_cannot_redirect_the_others()
    {
        var pool = new ConnectorClientPool(new FakeTimeProvider());
        var client = await pool.GetAsync(new CountingFactory(), "app", "https://channel.invalid/", null, default);

        Assert.Throws<InvalidOperationException>(() => client.BaseUri = new Uri("https://elsewhere.invalid/"));
    }

    [Fact]
    public async Task The_user_token_client_is_built_only_when_used_once_and_disposed_with_the_turn()
    {
        var inner = new Mock<BotFrameworkAuthentication>();
        var built = 0;
        var tokenClient = new Mock<UserTokenClient>();
        tokenClient.Setup(t => t.GetTokenStatusAsync("u", "emulator", "", It.IsAny<CancellationToken>())).ReturnsAsync([]);
        inner.Setup(a => a.CreateUserTokenClientAsync(It.IsAny<ClaimsIdentity>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(() => { built++; return tokenClient.Object; });
        var auth = new ReusingBotFrameworkAuthentication(inner.Object, new ConnectorClientPool(new FakeTimeProvider()));

        using (await auth.CreateUserTokenClientAsync(new ClaimsIdentity(), default))
        {
        }
        Assert.Equal(0, built);

        var used = await auth.CreateUserTokenClientAsync(new ClaimsIdentity(), default);
        await used.GetTokenStatusAsync("u", "emulator", "", default);
        await used.GetTokenStatusAsync("u", "emulator", "", default);
        used.Dispose();

        Assert.Equal(1, built);
        tokenClient.Verify(t => t.GetTokenStatusAsync("u", "emulator", "", It.IsAny<CancellationToken>()), Times.Exactly(2));
        await Assert.ThrowsAsync<ObjectDisposedException>(() => used.GetTokenStatusAsync("u", "emulator", "", default));
    }

    /// <summary>Stands in for the SDK's ConnectorFactoryImpl: counts the clients it builds and disposes.</summary>
    private sealed class CountingFactory : ConnectorFactory
    {
        private int _built;
        private int _disposed;

        public int Built => _built;
        public int Disposed => _disposed;

        public override Task<IConnectorClient> CreateAsync(string serviceUrl, string audience, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _built);
            var client = new Mock<IConnectorClient>();
            client.SetupProperty(c => c.BaseUri, new Uri(serviceUrl));
            client.SetupGet(c => c.Conversations).Returns(new Mock<IConversations>().Object);
            client.Setup(c => c.Dispose()).Callback(() => Interlocked.Increment(ref _disposed));
            return Task.FromResult(client.Object);
        }
    }
}
