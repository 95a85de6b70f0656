using System.Diagnostics;
using System.Net;
using MagBot.Service.Tests.Support;
using Newtonsoft.Json.Linq;
using static MagBot.Service.Tests.Support.StorageServers;

namespace MagBot.Service.Tests.Storage;

/// <summary>Two MagBot instances on loopback sharing one real redis-server, as behind a load balancer.</summary>
public sealed class SharedRedisTests(RedisServerFixture redis, Xunit.Abstractions.ITestOutputHelper output) : IClassFixture<RedisServerFixture>
{
    private static string NewPrefix() => $"magbot-{Guid.NewGuid():N}:";

    private async Task<(RedisServer Redis, MagBotServer A, MagBotServer B)> StartPairAsync(string prefix)
    {
        var server = await redis.GetAsync();
        var a = await StartWithRedisAsync(server, prefix);
        var b = await StartWithRedisAsync(server, prefix);
        return (server, a, b);
    }

    private static async Task WalkTheFlowAsync(MagBotServer[] servers, string conversation, int first)
    {
        var replies = await servers[first % 2].ExpectRepliesAsync(conversation, FlowStart);
        Assert.Contains(FlowTestDialog.StepText(1), Texts(replies));
        for (var step = 2; step <= FlowTestDialog.Steps; step++)
        {
            replies = await servers[(first + step - 1) % 2].ExpectRepliesAsync(conversation, "next");
            Assert.Contains(FlowTestDialog.StepText(step), Texts(replies));
        }
        replies = await servers[(first + FlowTestDialog.Steps) % 2].ExpectRepliesAsync(conversation, "next");
        Assert.Contains(FlowTestDialog.DoneText, Texts(replies));
    }

    [RedisFact]
    public async Task A_guided_conversation_alternating_between_instances_keeps_its_place()
    {
        var (_, a, b) = await StartPairAsync(NewPrefix());
        await using (a)
        await using (b)
        {
            Assert.Contains(FlowTestDialog.StepText(1), Texts(await a.ExpectRepliesAsync("conv-alt", FlowStart)));
            Assert.Contains(FlowTestDialog.StepText(2), Texts(await b.ExpectRepliesAsync("conv-alt", "next")));
            // "help" on the other instance knows where we are: it asks the current step again.
            var help = Texts(await a.ExpectRepliesAsync("conv-alt", "help"));
            Assert.Contains("Right now we are in", help);
            Assert.Contains(FlowTestDialog.StepText(2), help);
            Assert.Contains(FlowTestDialog.StepText(3), Texts(await b.ExpectRepliesAsync("conv-alt", "next")));
            Assert.Contains(FlowTestDialog.StepText(4), Texts(await a.ExpectRepliesAsync("conv-alt", "next")));
            Assert.Contains(FlowTestDialog.DoneText, Texts(await b.ExpectRepliesAsync("conv-alt", "next")));
        }
    }

    [RedisFact]
    public async Task Fifty_conversations_at_once_each_alternating_between_instances_all_complete()
    {
        var (_, a, b) = await StartPairAsync(NewPrefix());
        await using (a)
        await using (b)
        {
            var servers = new[] { a, b };
            await Task.WhenAll(Enumerable.Range(0, 50).Select(i => WalkTheFlowAsync(servers, $"conv-many-{i}", i)));
        }
    }

    [RedisFact]
    public async Task Simultaneous_turns_of_one_conversation_on_two_instances_lose_no_update()
    {
        const int turns = 12;
        var (_, a, b) = await StartPairAsync(NewPrefix());
        await using (a)
        await using (b)
        {
            var servers = new[] { a, b };
            var responses = await Task.WhenAll(Enumerable.Range(0, turns).Select(i => servers[i % 2].ExpectRepliesAsync("conv-race", "hello")));
            Assert.All(responses, r => Assert.DoesNotContain("went wrong", Texts(r)));

            var storage = (Microsoft.Bot.Builder.IStorage)a.Services.GetService(typeof(Microsoft.Bot.Builder.IStorage))!;
            var state = await storage.ReadAsync(["emulator/conversations/conv-race"]);
            Assert.Equal(turns, JObject.FromObject(state["emulator/conversations/conv-race"])[TurnCounterMiddleware.PropertyName]!.Value<int>("Count"));
        }
    }

    [RedisFact]
    public async Task Delete_my_data_removes_the_conversation_and_user_keys_from_redis()
    {
        var prefix = NewPrefix();
        var (server, a, b) = await StartPairAsync(prefix);
        await using (a)
        await using (b)
        {
            await a.ExpectRepliesAsync("conv-private", FlowStart);
            // Something stored for the user too, as later topics will keep (e.g. their medicines).
            var storage = (Microsoft.Bot.Builder.IStorage)a.Services.GetService(typeof(Microsoft.Bot.Builder.IStorage))!;
            await storage.WriteAsync(new Dictionary<string, object> { ["emulator/users/user-1"] = new JObject { ["medicines"] = new JArray("x") } });
            var before = await server.CommandAsync("KEYS", prefix + "*");
            Assert.Contains("conversations/conv-private", before);
            Assert.Contains("users/user-1", before);

            var replies = Texts(await b.ExpectRepliesAsync("conv-private", "delete my data"));
            Assert.Contains("deleted everything", replies);

            var after = await server.CommandAsync("KEYS", prefix + "*");
            Assert.DoesNotContain("conv-private", after);
            Assert.DoesNotContain("user-1", after);
        }
    }

    [RedisFact]
    public async Task Keys_carry_the_prefix_and_an_expiry_of_the_retention_period()
    {
        var prefix = NewPrefix();
        var server = await redis.GetAsync();
        await using var a = await StartWithRedisAsync(server, prefix, new Dictionary<string, string?> { ["Storage:Retention"] = "00:20:00" });
        await a.ExpectRepliesAsync("conv-ttl", FlowStart);
        var ttl = await server.CommandAsync("PTTL", prefix + "emulator/conversations/conv-ttl");
        var ms = long.Parse(ttl.Trim().TrimStart(':'), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(ms, 19 * 60_000, 20 * 60_000);
    }

    [RedisFact]
    public async Task Redis_stopped_mid_run_gives_a_quick_apology_and_degraded_health_then_recovers_by_itself()
    {
        // Its own redis-server: this test kills it.
        await using var own = await RedisServer.StartAsync();
        var prefix = NewPrefix();
        await using var a = await StartWithRedisAsync(own, prefix);
        await using var b = await StartWithRedisAsync(own, prefix);
        await using var connector = await ConnectorRecorder.StartAsync();
        Assert.Contains(FlowTestDialog.StepText(1), Texts(await a.ExpectRepliesAsync("conv-outage", FlowStart)));
        Assert.Contains(FlowTestDialog.StepText(2), Texts(await b.ExpectRepliesAsync("conv-outage", "next")));

        await own.StopAsync();

        foreach (var server in new[] { a, b, a })
        {
            var clock = Stopwatch.StartNew();
            var response = await server.PostActivityAsync(Activities.Message("conv-outage", "next", "http://127.0.0.1:9/", expectReplies: true));
            clock.Stop();
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains("can't reach my memory", await response.Content.ReadAsStringAsync());
            output.WriteLine($"turn during the outage: {(int)response.StatusCode} in {clock.ElapsedMilliseconds} ms");
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(8), $"a turn during the outage took {clock.Elapsed}");
        }
        // Normal delivery (replies to serviceUrl) during the outage: a clean 200 and the apology at the connector.
        var normal = await b.PostActivityAsync(Activities.Message("conv-outage-normal", "next", connector.ServiceUrl));
        Assert.True(normal.IsSuccessStatusCode, $"normal delivery answered {(int)normal.StatusCode}");
        var sent = await connector.WaitForAsync(1);
        Assert.Contains("can't reach my memory", (string?)sent.First().Activity["text"]);

        var health = await a.Client.GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
        Assert.Equal("degraded", (string?)JObject.Parse(await health.Content.ReadAsStringAsync())["status"]);

        await own.RestartAsync();
        var recovery = Stopwatch.StartNew();

        foreach (var server in new[] { a, b })
        {
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
            while ((await server.Client.GetAsync("/healthz")).StatusCode != HttpStatusCode.OK)
            {
                Assert.True(DateTime.UtcNow < deadline, "the instance did not reconnect to Redis within 30 s");
                await Task.Delay(200);
            }
        }
        output.WriteLine($"both instances healthy again {recovery.ElapsedMilliseconds} ms after Redis restarted");
        // Redis came back empty (nothing was saved), so the conversation begins again, and works across instances.
        Assert.Contains(FlowTestDialog.StepText(1), Texts(await b.ExpectRepliesAsync("conv-outage", FlowStart)));
        Assert.Contains(FlowTestDialog.StepText(2), Texts(await a.ExpectRepliesAsync("conv-outage", "next")));
    }
}
