using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text;
using MagBot.Service.Tests.Support;

namespace MagBot.Service.Tests.Security;

/// <summary>Thousands of mutated and hostile activities, from a fixed seed, against the running service on loopback.</summary>
// Thousands of activities over real HTTP: tagged Slow so a local run can leave it out (--filter Category!=Slow); CI runs it.
[Trait("Category", "Slow")]
public sealed class FuzzTests
{
    private const int Seed = 20261125;
    private const int Bodies = 3000;
    private static readonly TimeSpan TimeBudget = TimeSpan.FromSeconds(180);

    [Fact]
    public async Task Thousands_of_mutated_activities_never_get_a_5xx_and_the_service_still_answers()
    {
        await using var server = await MagBotServer.StartAsync();
        var mutator = new ActivityMutator(Seed);
        var bodies = Enumerable.Range(0, Bodies).Select(mutator.Next).ToArray();
        var serverErrors = new ConcurrentQueue<string>();
        var statuses = new ConcurrentDictionary<int, int>();
        var sent = 0;
        var stopwatch = Stopwatch.StartNew();

        await Parallel.ForEachAsync(Enumerable.Range(0, Bodies), new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (i, _) =>
        {
            if (stopwatch.Elapsed > TimeBudget) return;
            var response = await server.PostRawAsync(bodies[i]);
            Interlocked.Increment(ref sent);
            var status = (int)response.StatusCode;
            statuses.AddOrUpdate(status, 1, (_, n) => n + 1);
            if (status >= 500)
                serverErrors.Enqueue($"body {i} (seed {Seed}) answered {status}: {Encoding.UTF8.GetString(bodies[i][..Math.Min(300, bodies[i].Length)])}");
        });

        Assert.Empty(serverErrors);
        Assert.True(sent >= Bodies / 2, $"Only {sent} of {Bodies} bodies were sent within {TimeBudget.TotalSeconds} s.");
        Assert.True(statuses.Keys.Count(s => s == 200) == 1 && statuses.Keys.Any(s => s is >= 400 and < 500),
            $"The mutations should produce both accepted and refused activities; got {string.Join(", ", statuses.Select(kv => $"{kv.Key}×{kv.Value}"))}.");
        Assert.Equal(HttpStatusCode.OK, (await server.Client.GetAsync("/healthz")).StatusCode);
        Assert.NotEmpty(await server.ExpectRepliesAsync("conv-after-fuzz", "help"));
    }
}
