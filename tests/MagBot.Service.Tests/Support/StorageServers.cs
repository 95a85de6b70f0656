using MagBot.Dialogs.Topics;
using MagBot.Dialogs.Understanding;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;

namespace MagBot.Service.Tests.Support;

/// <summary>Starts MagBot instances for storage tests: with the four-step <see cref="FlowTestDialog"/> (begun by
/// "testing") and the <see cref="TurnCounterMiddleware"/>, on the memory store or on a shared Redis.</summary>
public static class StorageServers
{
    public const string FlowStart = "testing";

    public static Task<MagBotServer> StartWithRedisAsync(RedisServer redis, string keyPrefix, IDictionary<string, string?>? extra = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "Redis",
            ["ConnectionStrings:Redis"] = redis.ConnectionString,
            ["Storage:KeyPrefix"] = keyPrefix,
            // These tests run many conversations of one test user at once; the per-user limit has its own tests.
            ["MagBot:Limits:TurnsPerUser"] = "100000",
        };
        foreach (var (k, v) in extra ?? new Dictionary<string, string?>()) settings[k] = v;
        return StartAsync(settings);
    }

    public static async Task<MagBotServer> StartAsync(IDictionary<string, string?>? settings = null)
    {
        var server = await MagBotServer.StartAsync(settings, configure: b =>
        {
            b.Services.AddSingleton<MagBot.Dialogs.Engine.Dialog>(new FlowTestDialog());
            b.Services.AddSingleton<Microsoft.Bot.Builder.IMiddleware, TurnCounterMiddleware>();
        });
        // The topic dialogs are registered by their own issue; map the test flow to an intent no topic uses yet.
        server.Services.GetRequiredService<TopicCatalog>().Map(Intents.Testing, FlowTestDialog.Id);
        return server;
    }

    public static string Texts(IEnumerable<JObject> replies) => string.Join("\n", replies.Select(r => (string?)r["text"]));
}
