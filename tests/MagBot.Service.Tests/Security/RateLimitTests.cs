using System.Net;
using MagBot.Service.Tests.Support;

namespace MagBot.Service.Tests.Security;

/// <summary>Rate limits on /api/messages are per conversation and per user, never per source address: every test
/// request here comes from the same loopback address, as every Teams request comes from the channel's.</summary>
public sealed class RateLimitTests
{
    [Fact]
    public async Task A_flooding_conversation_gets_429_with_Retry_After_while_500_other_conversations_from_the_same_address_do_not()
    {
        // The default 30 turns, over a window long enough that a slow machine cannot let turns age out mid-test.
        await using var server = await MagBotServer.StartAsync(new Dictionary<string, string?> { ["MagBot:Limits:Window"] = "00:10:00" });
        var flood = new List<HttpResponseMessage>();
        for (var i = 0; i < 40; i++)
            flood.Add(await server.PostActivityAsync(Activities.Message("conv-flood", "help", "http://127.0.0.1:9/", expectReplies: true, userId: "flooder")));

        Assert.Equal(30, flood.Count(r => r.StatusCode == HttpStatusCode.OK));
        var limited = flood.Where(r => r.StatusCode == HttpStatusCode.TooManyRequests).ToList();
        Assert.Equal(10, limited.Count);
        Assert.All(limited, r => Assert.True(r.Headers.RetryAfter?.Delta > TimeSpan.Zero, "429 without Retry-After"));

        var others = new HttpStatusCode[500];
        await Parallel.ForEachAsync(Enumerable.Range(0, 500), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, _) =>
        {
            var response = await server.PostActivityAsync(Activities.Message($"conv-other-{i}", "help", "http://127.0.0.1:9/", expectReplies: true, userId: $"user-{i}"));
            others[i] = response.StatusCode;
        });
        Assert.All(others, s => Assert.Equal(HttpStatusCode.OK, s));
    }

    [Fact]
    public async Task One_user_spreading_turns_over_many_conversations_meets_the_per_user_limit()
    {
        await using var server = await MagBotServer.StartAsync(new Dictionary<string, string?> { ["MagBot:Limits:TurnsPerUser"] = "5", ["MagBot:Limits:Window"] = "00:10:00" });
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 7; i++)
            statuses.Add((await server.PostActivityAsync(Activities.Message($"conv-spread-{i}", "help", "http://127.0.0.1:9/", expectReplies: true, userId: "spreader"))).StatusCode);

        Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.OK, 5), HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);
    }

    [Fact]
    public async Task A_limited_conversation_may_talk_again_after_the_window()
    {
        await using var server = await MagBotServer.StartAsync(new Dictionary<string, string?>
        {
            ["MagBot:Limits:TurnsPerConversation"] = "2",
            ["MagBot:Limits:Window"] = "00:00:03",
        });
        async Task<HttpStatusCode> Send() => (await server.PostActivityAsync(Activities.Message("conv-window", "help", "http://127.0.0.1:9/", expectReplies: true, userId: "window-user"))).StatusCode;

        // Send until limited (a loaded machine may let a turn age out between two sends), then wait out the window.
        var limited = false;
        for (var i = 0; i < 20 && !limited; i++) limited = await Send() == HttpStatusCode.TooManyRequests;
        Assert.True(limited, "Never limited at 2 turns per 3 s.");
        await Task.Delay(TimeSpan.FromSeconds(3.5));
        Assert.Equal(HttpStatusCode.OK, await Send());
    }
}
