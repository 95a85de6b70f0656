using System.Net;
using System.Text;
using MagBot.Service.Tests.Support;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Tokens;
using Newtonsoft.Json.Linq;

namespace MagBot.Service.Tests.Security;

/// <summary>
/// With an app id, the SDK's own token validation (ConfigurationBotFrameworkAuthentication, JwtTokenExtractor)
/// runs against tokens signed here and keys served here. Every bad token gets 401, never 500, and the service
/// makes no outbound call for it.
/// </summary>
public sealed class AuthenticationTests
{
    public static TheoryData<string> BadTokens() =>
    [
        "no header", "empty bearer", "basic scheme", "garbage", "three dots", "alg none", "HS256 with the public key",
        "expired", "wrong audience", "wrong issuer", "unknown key id", "right key id, wrong key", "serviceUrl claim differs",
        "channel not endorsed",
    ];

    [Fact]
    public async Task A_valid_channel_token_is_accepted_and_the_reply_reaches_the_service_url()
    {
        await using var env = await AuthenticatedService.StartAsync();
        var activity = Activities.Message("conv-auth-ok", "help", env.Connector.ServiceUrl, channelId: "msteams");

        var response = await env.Server.PostActivityAsync(activity, "Bearer " + env.Keys.Token(env.Connector.ServiceUrl));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var calls = await env.Connector.WaitForAsync(1);
        Assert.Equal("conv-auth-ok", calls.First().ConversationId);
        Assert.True(env.Keys.Fetches > 0, "The keys were not fetched through the service's HTTP client factory.");
    }

    [Theory]
    [MemberData(nameof(BadTokens))]
    public async Task A_bad_token_gets_401_and_no_outbound_call(string badCase)
    {
        await using var env = await AuthenticatedService.StartAsync();
        var channelId = badCase == "channel not endorsed" ? "webchat" : "msteams";
        var activity = Activities.Message($"conv-{badCase.Replace(' ', '-')}", "help", env.Connector.ServiceUrl, channelId: channelId);

        var response = await env.Server.PostActivityAsync(activity, Header(badCase, env.Keys, env.Connector.ServiceUrl));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        await Task.Delay(300);
        Assert.Empty(env.Connector.Calls);
        Assert.Empty(env.Outbound.Hosts);
    }

    [Fact]
    public async Task Unfetchable_keys_get_503_with_Retry_After_and_the_next_request_works_once_they_are_back()
    {
        await using var env = await AuthenticatedService.StartAsync();
        env.Keys.Available = false;
        var token = "Bearer " + env.Keys.Token(env.Connector.ServiceUrl);

        var refused = await env.Server.PostActivityAsync(Activities.Message("conv-keys", "help", env.Connector.ServiceUrl, channelId: "msteams"), token);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.NotNull(refused.Headers.RetryAfter);
        Assert.Empty(env.Connector.Calls);

        env.Keys.Available = true;
        var accepted = await env.Server.PostActivityAsync(Activities.Message("conv-keys", "help", env.Connector.ServiceUrl, channelId: "msteams"), token);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        await env.Connector.WaitForAsync(1);
    }

    private static string? Header(string badCase, ChannelKeyServer keys, string serviceUrl)
    {
        var stranger = new RsaSecurityKey(System.Security.Cryptography.RSA.Create(2048));
        return badCase switch
        {
            "no header" => null,
            "empty bearer" => "Bearer ",
            "basic scheme" => "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("magbot:secret")),
            "garbage" => "Bearer !!*** not a token at all ***",
            "three dots" => "Bearer a.b.c.d",
            "alg none" => "Bearer " + keys.UnsignedToken(serviceUrl),
            "HS256 with the public key" => "Bearer " + keys.Token(serviceUrl, credentials: new SigningCredentials(
                new SymmetricSecurityKey(keys.SigningKey.Rsa.ExportRSAPublicKey()) { KeyId = keys.SigningKey.KeyId }, SecurityAlgorithms.HmacSha256)),
            "expired" => "Bearer " + keys.Token(serviceUrl, expires: DateTime.UtcNow.AddMinutes(-10)),
            "wrong audience" => "Bearer " + keys.Token(serviceUrl, audience: "00000000-0000-0000-0000-000000000001"),
            "wrong issuer" => "Bearer " + keys.Token(serviceUrl, issuer: "https://api.attacker.invalid"),
            "unknown key id" => "Bearer " + keys.Token(serviceUrl, credentials: new SigningCredentials(
                new RsaSecurityKey(stranger.Rsa) { KeyId = "key-unknown" }, SecurityAlgorithms.RsaSha256)),
            "right key id, wrong key" => "Bearer " + keys.Token(serviceUrl, credentials: new SigningCredentials(
                new RsaSecurityKey(stranger.Rsa) { KeyId = keys.SigningKey.KeyId }, SecurityAlgorithms.RsaSha256)),
            "serviceUrl claim differs" => "Bearer " + keys.Token("https://smba.trafficmanager.invalid/emea/"),
            "channel not endorsed" => "Bearer " + keys.Token(serviceUrl),
            _ => throw new ArgumentOutOfRangeException(nameof(badCase), badCase, "no such case"),
        };
    }

    /// <summary>The service with an app id, its keys served by a <see cref="ChannelKeyServer"/>, a loopback connector,
    /// and outbound connections counted.</summary>
    private sealed class AuthenticatedService : IAsyncDisposable
    {
        public required MagBotServer Server { get; init; }
        public required ConnectorRecorder Connector { get; init; }
        public required ChannelKeyServer Keys { get; init; }
        public required OutboundConnections Outbound { get; init; }

        public static async Task<AuthenticatedService> StartAsync()
        {
            var keys = new ChannelKeyServer("msteams");
            var connector = await ConnectorRecorder.StartAsync();
            var outbound = new OutboundConnections();
            var server = await MagBotServer.StartAsync(keys.Settings(), "Production", b =>
            {
                keys.Attach(b);
                outbound.Attach(b);
                // Outbound tokens come from Microsoft Entra ID, which is not on this machine: replies to the
                // loopback connector go without one. Inbound validation is the SDK's, unchanged.
                b.Services.AddSingleton<ServiceClientCredentialsFactory>(new LoopbackChannelCredentials());
            });
            return new AuthenticatedService { Server = server, Connector = connector, Keys = keys, Outbound = outbound };
        }

        public async ValueTask DisposeAsync()
        {
            await Server.DisposeAsync();
            await Connector.DisposeAsync();
            Keys.Dispose();
        }
    }

    private sealed class LoopbackChannelCredentials : ServiceClientCredentialsFactory
    {
        public override Task<bool> IsValidAppIdAsync(string appId, CancellationToken cancellationToken) => Task.FromResult(appId == ChannelKeyServer.AppId);

        public override Task<bool> IsAuthenticationDisabledAsync(CancellationToken cancellationToken) => Task.FromResult(false);

        public override Task<Microsoft.Rest.ServiceClientCredentials> CreateCredentialsAsync(string appId, string audience, string loginEndpoint, bool validateAuthority, CancellationToken cancellationToken) =>
            Task.FromResult<Microsoft.Rest.ServiceClientCredentials>(MicrosoftAppCredentials.Empty);
    }
}
