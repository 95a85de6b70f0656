using System.Diagnostics;
using System.Net;
using MagBot.Service.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;

namespace MagBot.Service.Tests.Security;

/// <summary>Where MagBot connects: in anonymous mode only to loopback or allow-listed reply addresses, decided
/// before any connection or DNS lookup; and replies to the channel retried on its transient answers.</summary>
public sealed class OutboundTests
{
    [Theory]
    [InlineData("https://reply.invalid/", false)]
    [InlineData("http://metadata.invalid/latest/meta-data/", false)]
    [InlineData("https://127.0.0.1.invalid/", false)]
    [InlineData("https://localhost.invalid:3978/", true)]
    [InlineData("http://user:secret@127.0.0.1:9/", false)]
    [InlineData("https://channel.invalid/other/", true)]
    [InlineData("https://channel.invalid.evil.invalid/bot/", false)]
    public async Task An_anonymous_request_naming_a_reply_address_that_is_not_allowed_gets_403_and_no_connection(string serviceUrl, bool expectReplies)
    {
        var outbound = new OutboundConnections();
        await using var server = await MagBotServer.StartAsync(
            new Dictionary<string, string?> { ["MagBot:AllowedServiceUrls:0"] = "https://channel.invalid/bot/" }, configure: outbound.Attach);

        var response = await server.PostActivityAsync(Activities.Message("conv-ssrf", "help", serviceUrl, expectReplies));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var problem = JObject.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains("MagBot:AllowedServiceUrls", (string?)problem["detail"]);
        await Task.Delay(200);
        Assert.Empty(outbound.Hosts);
    }

    [Fact]
    public async Task An_allow_listed_reply_address_is_used_and_the_connection_counter_sees_it()
    {
        var outbound = new OutboundConnections();
        await using var server = await MagBotServer.StartAsync(
            new Dictionary<string, string?> { ["MagBot:AllowedServiceUrls:0"] = "https://channel.invalid/bot/" }, configure: outbound.Attach);

        var response = await server.PostActivityAsync(Activities.Message("conv-allowed", "help", "https://channel.invalid/bot/"));

        // The reply cannot be delivered (the test refuses the connection); the turn's error is logged, not answered 5xx.
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("channel.invalid", outbound.Hosts);
    }

    [Theory]
    [InlineData("https://proactive.invalid/v3/conversations/c/activities")]
    [InlineData("http://169.254.169.254.invalid/latest/meta-data/")]
    public async Task In_anonymous_mode_the_reply_client_itself_refuses_addresses_that_are_not_allowed(string url)
    {
        var outbound = new OutboundConnections();
        await using var server = await MagBotServer.StartAsync(configure: outbound.Attach);
        var client = server.Services.GetRequiredService<IHttpClientFactory>().CreateClient();

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => client.PostAsync(url, new StringContent("{}")));

        Assert.Contains("MagBot:AllowedServiceUrls", error.Message);
        Assert.Empty(outbound.Hosts);
    }

    [Fact]
    public async Task A_429_with_Retry_After_from_the_channel_is_retried_after_the_wait_and_the_reply_arrives_once()
    {
        await using var connector = await ConnectorRecorder.StartAsync();
        JObject? refused = null;
        var attempts = new List<(DateTime At, JObject Activity)>();
        connector.Respond = (call, n) =>
        {
            lock (attempts) attempts.Add((DateTime.UtcNow, call.Activity));
            if (n != 1) return null;
            refused = call.Activity;
            return new StatusResult(429, retryAfterSeconds: 1);
        };
        await using var server = await MagBotServer.StartAsync();

        var response = await server.PostActivityAsync(Activities.Message("conv-retry", "help", connector.ServiceUrl));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await connector.WaitForAsync(1);
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (DateTime.UtcNow < deadline && !connector.Calls.Any(c => JToken.DeepEquals(c.Activity, refused))) await Task.Delay(100);
        await Task.Delay(300);

        Assert.NotNull(refused);
        // The refused activity arrives exactly once, and not before the channel's Retry-After.
        Assert.Single(connector.Calls, c => JToken.DeepEquals(c.Activity, refused));
        List<(DateTime At, JObject Activity)> same;
        lock (attempts) same = [.. attempts.Where(a => JToken.DeepEquals(a.Activity, refused))];
        Assert.Equal(2, same.Count);
        Assert.True(same[1].At - same[0].At >= TimeSpan.FromSeconds(0.9), $"Retried after {(same[1].At - same[0].At).TotalMilliseconds:0} ms, before Retry-After.");
        // Every other attempt was accepted the first time: nothing else was sent twice.
        Assert.Equal(attempts.Count - 1, connector.Calls.Count);
    }

    [Theory]
    [InlineData(503)]
    [InlineData(502)]
    [InlineData(504)]
    [InlineData(412)]
    public async Task A_channel_that_keeps_failing_is_retried_a_bounded_number_of_times_then_the_failure_is_logged(int status)
    {
        await using var connector = await ConnectorRecorder.StartAsync();
        var attempts = 0;
        connector.Respond = (call, _) =>
        {
            // Counted: the reply and the apology. A typing indicator, which a slow turn on a loaded machine also sends
            // (and which fails the same way), is not what this test counts.
            if ((string?)call.Activity["type"] != "typing") Interlocked.Increment(ref attempts);
            return new StatusResult(status);
        };
        var logs = new CapturedLogs();
        await using var server = await MagBotServer.StartAsync(new Dictionary<string, string?>
        {
            ["MagBot:ChannelRetry:MaxRetries"] = "3",
            ["MagBot:ChannelRetry:BaseDelay"] = "00:00:00.010",
        }, configure: logs.Attach);
        // The first turn waits for the start-up builds; a slow one also sends a typing indicator, which is not what this counts.
        var startup = server.Services.GetRequiredService<MagBot.Dialogs.Bot.ConversationStartup>();
        await Task.WhenAll(startup.Intents, startup.SafetyModel, startup.RedFlags);

        var stopwatch = Stopwatch.StartNew();
        var response = await server.PostActivityAsync(Activities.Message("conv-giveup", "help", connector.ServiceUrl));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        // One reply, tried 4 times; then the error handler's apology, also tried 4 times.
        Assert.Equal(8, attempts);
        Assert.Contains(logs.Lines, l => l.Contains("giving up", StringComparison.Ordinal) && l.Contains(status.ToString(), StringComparison.Ordinal));
        Assert.Contains(logs.Lines, l => l.StartsWith("Error", StringComparison.Ordinal) && l.Contains("Turn failed", StringComparison.Ordinal));
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(30), $"Giving up took {stopwatch.Elapsed.TotalSeconds:0} s.");
    }
}
