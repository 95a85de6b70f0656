using System.Globalization;
using MagBot.Dialogs.Insights;
using MagBot.Storage;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Newtonsoft.Json.Linq;

namespace MagBot.Cli.Unanswered;

/// <summary>
/// <c>magbot unanswered</c>: the questions MagBot kept because it could not place them (<c>Insights:KeepUnanswered</c>),
/// grouped by similarity and printed with counts, most asked first. Reads the same store the service writes: Redis
/// (<c>--redis</c>, with the service's <c>--prefix</c>) or a memory store's dump (<c>--file</c>, the JSON of the stored
/// item <see cref="InsightStore.StorageKey"/> as the service writes it).
/// </summary>
public static class UnansweredCommand
{
    public const string Usage = "magbot unanswered (--redis CONNECTION [--prefix magbot:] | --file DUMP.json) [--similarity 0.5] [--retention 30.00:00:00]";

    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, TextWriter error, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(args);
        string? redis = null, prefix = null, file = null;
        var threshold = QuestionGrouper.DefaultThreshold;
        var retention = new InsightsOptions().Retention;
        for (var i = 0; i < args.Count; i++)
        {
            var value = i + 1 < args.Count ? args[i + 1] : null;
            switch (args[i])
            {
                case "--redis" when value is not null: redis = value; i++; break;
                case "--prefix" when value is not null: prefix = value; i++; break;
                case "--file" when value is not null: file = value; i++; break;
                case "--similarity" when double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var t) && t is > 0 and <= 1:
                    threshold = t; i++; break;
                case "--retention" when TimeSpan.TryParse(value, CultureInfo.InvariantCulture, out var r) && r > TimeSpan.Zero:
                    retention = r; i++; break;
                default:
                    error.WriteLine($"Unknown or incomplete option '{args[i]}'. Usage: {Usage}");
                    return 2;
            }
        }
        if ((redis is null) == (file is null))
        {
            error.WriteLine($"Give exactly one of --redis or --file. Usage: {Usage}");
            return 2;
        }

        InsightLog log;
        try
        {
            log = file is not null ? await ReadFileAsync(file, retention, time).ConfigureAwait(false)
                : await ReadRedisAsync(redis!, prefix, retention, time).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or Newtonsoft.Json.JsonException or StorageUnavailableException or ArgumentException)
        {
            error.WriteLine($"Could not read the kept questions: {e.Message}");
            return 1;
        }
        Print(log, threshold, output);
        return 0;
    }

    public static void Print(InsightLog log, double threshold, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(log);
        ArgumentNullException.ThrowIfNull(output);
        var groups = QuestionGrouper.Group(log.Unanswered, threshold);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{log.Unanswered.Count} unanswered questions kept, {groups.Count} groups (similarity >= {threshold:0.00})"));
        foreach (var g in groups)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{g.Count,5}  {g.Representative}   [{string.Join(", ", g.Topics)}]"));
            foreach (var example in g.Examples) output.WriteLine($"       also: {example}");
        }
    }

    private static async Task<InsightLog> ReadFileAsync(string path, TimeSpan retention, TimeProvider time)
    {
        var json = JObject.Parse(await File.ReadAllTextAsync(path).ConfigureAwait(false));
        return await FromJsonAsync(json, retention, time).ConfigureAwait(false);
    }

    // Through InsightStore, so expiry and the stored shape are read exactly as the service reads them.
    private static async Task<InsightLog> FromJsonAsync(JObject json, TimeSpan retention, TimeProvider time)
    {
        var storage = new MemoryCacheStorage(Options.Create(new StorageOptions { Retention = TimeSpan.FromDays(3650) }), time);
        json["eTag"] = "*";
        await storage.WriteAsync(new Dictionary<string, object> { [InsightStore.StorageKey] = json }).ConfigureAwait(false);
        return await Store(storage, retention, time).ReadAllAsync().ConfigureAwait(false);
    }

    private static async Task<InsightLog> ReadRedisAsync(string connection, string? prefix, TimeSpan retention, TimeProvider time)
    {
        var options = Options.Create(new StorageOptions { Provider = StorageOptions.RedisProvider, RedisConnectionString = connection, KeyPrefix = prefix ?? new StorageOptions().KeyPrefix });
        using var redis = new RedisConnection(options, NullLogger<RedisConnection>.Instance);
        // Read the item's JSON as RedisStorage keeps it (hash field "j") without touching its expiry, which a read
        // through RedisStorage would restart with this process's retention, not the service's.
        var text = await redis.RunAsync(db => db.HashGetAsync(redis.KeyPrefix + InsightStore.StorageKey, "j")).ConfigureAwait(false);
        if (text.IsNullOrEmpty) return new InsightLog();
        return await FromJsonAsync(JObject.Parse(text.ToString()), retention, time).ConfigureAwait(false);
    }

    private static InsightStore Store(IStorage storage, TimeSpan retention, TimeProvider time) =>
        new(storage, Options.Create(new InsightsOptions { Retention = retention }), time, NullLogger<InsightStore>.Instance);
}
