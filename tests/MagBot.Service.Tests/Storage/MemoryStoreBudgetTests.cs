using MagBot.Service.Tests.Support;
using MagBot.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Newtonsoft.Json.Linq;

namespace MagBot.Service.Tests.Storage;

/// <summary>The embedded store's byte budget (<c>Storage:MaxMemoryMB</c>): what it counts, what it evicts first,
/// what it never evicts, what it refuses, and how often it says so.</summary>
public sealed class MemoryStoreBudgetTests : IDisposable
{
    // Every item below has the same key length and the same JSON text length, so each counts the same bytes.
    private const string Payload = "0123456789012345678901234567890123456789";
    private static readonly long ItemBytes = MemoryCacheStorage.SizeOf("k0", Json(0));

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 29, 12, 0, 0, TimeSpan.Zero));
    private readonly CapturedLogs _logs = new();
    private readonly LoggerFactory _loggers;

    public MemoryStoreBudgetTests() => _loggers = new LoggerFactory([_logs]);

    public void Dispose() => _loggers.Dispose();

    private static string Json(int i) => new JObject { ["n"] = i % 10, ["text"] = Payload }.ToString(Newtonsoft.Json.Formatting.None);

    private static JObject Item(int i) => JObject.Parse(Json(i));

    private MemoryCacheStorage Store(long budgetBytes, long maxItems = 1000) => new(
        Options.Create(new StorageOptions { MaxMemoryMB = budgetBytes / (1024.0 * 1024.0), MaxItems = maxItems, Retention = TimeSpan.FromHours(1) }),
        _clock, _loggers.CreateLogger<MemoryCacheStorage>());

    private static Task WriteAsync(MemoryCacheStorage store, params int[] items) =>
        store.WriteAsync(items.ToDictionary(i => $"k{i}", i => (object)Item(i)));

    private static async Task<string[]> KeysAsync(MemoryCacheStorage store, int upTo) =>
        [.. (await store.ReadAsync([.. Enumerable.Range(0, upTo).Select(i => $"k{i}")])).Keys.Order()];

    private int Warnings => _logs.Lines.Count(l => l.StartsWith("Warning", StringComparison.Ordinal) && l.Contains("evicted", StringComparison.Ordinal));

    [Fact]
    public async Task An_item_counts_its_key_and_json_as_two_bytes_a_character_plus_the_entry_overhead()
    {
        using var store = Store(100 * ItemBytes);
        await WriteAsync(store, 0, 1);
        Assert.Equal(2 * (2 + Json(0).Length) + MemoryCacheStorage.EntryOverheadBytes, ItemBytes);
        Assert.Equal(2 * ItemBytes, store.StoredBytes);

        await WriteAsync(store, 1); // an overwrite replaces the old size, it does not add to it
        Assert.Equal(2 * ItemBytes, store.StoredBytes);
        await store.DeleteAsync(["k0"]);
        Assert.Equal(ItemBytes, store.StoredBytes);
    }

    [Fact]
    public async Task Past_the_budget_the_least_recently_written_item_goes_first()
    {
        using var store = Store(3 * ItemBytes);
        await WriteAsync(store, 0);
        await WriteAsync(store, 1);
        await WriteAsync(store, 2);
        Assert.Equal(0, store.Evictions);

        await WriteAsync(store, 3);
        await WriteAsync(store, 4);

        Assert.Equal(["k2", "k3", "k4"], await KeysAsync(store, 5));
        Assert.Equal(2, store.Evictions);
        Assert.Equal(3 * ItemBytes, store.StoredBytes);
    }

    [Fact]
    public async Task Reading_an_item_makes_it_the_last_to_be_evicted()
    {
        using var store = Store(3 * ItemBytes);
        await WriteAsync(store, 0);
        await WriteAsync(store, 1);
        await WriteAsync(store, 2);
        await store.ReadAsync(["k0"]); // k1 is now the least recently used

        await WriteAsync(store, 3);

        Assert.Equal(["k0", "k2", "k3"], await KeysAsync(store, 4));
    }

    [Fact]
    public async Task A_write_never_evicts_its_own_items_even_when_the_batch_fills_the_budget()
    {
        using var store = Store(3 * ItemBytes);
        await WriteAsync(store, 0);
        await WriteAsync(store, 1);

        await WriteAsync(store, 2, 3, 4); // exactly the budget: everything older goes, the batch stays whole

        Assert.Equal(["k2", "k3", "k4"], await KeysAsync(store, 5));
        Assert.Equal(2, store.Evictions);
    }

    [Fact]
    public async Task A_write_larger_than_the_whole_budget_is_refused_and_changes_nothing()
    {
        using var store = Store(3 * ItemBytes);
        await WriteAsync(store, 0);
        await WriteAsync(store, 1);

        var big = new JObject { ["text"] = new string('x', (int)(3 * ItemBytes)) };
        var e = await Assert.ThrowsAsync<StorageItemTooLargeException>(() => store.WriteAsync(new Dictionary<string, object> { ["conversation/secret-id"] = big }));
        Assert.Contains("Storage:MaxMemoryMB", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-id", e.Message, StringComparison.Ordinal); // keys hold conversation ids

        Assert.Equal(["k0", "k1"], await KeysAsync(store, 2));
        Assert.Equal(0, store.Evictions);
        Assert.Equal(2 * ItemBytes, store.StoredBytes);
        // A batch larger than the budget as a whole is refused the same way, even when each item would fit.
        await Assert.ThrowsAsync<StorageItemTooLargeException>(() => WriteAsync(store, 5, 6, 7, 8));
        Assert.Equal(["k0", "k1"], await KeysAsync(store, 9));
    }

    [Fact]
    public async Task The_item_limit_still_holds_beside_the_byte_budget()
    {
        using var store = Store(100 * ItemBytes, maxItems: 2);
        await WriteAsync(store, 0);
        await WriteAsync(store, 1);
        await WriteAsync(store, 2);
        Assert.Equal(["k1", "k2"], await KeysAsync(store, 3));
        Assert.Equal(1, store.Evictions);
    }

    [Fact]
    public async Task Expired_items_leave_without_counting_as_evictions_and_free_their_bytes()
    {
        using var store = Store(100 * ItemBytes);
        await WriteAsync(store, 0, 1);
        _clock.Advance(TimeSpan.FromMinutes(61));
        await WriteAsync(store, 2);
        Assert.Equal(["k2"], await KeysAsync(store, 3));
        Assert.Equal(ItemBytes, store.StoredBytes);
        Assert.Equal(0, store.Evictions);
    }

    [Fact]
    public async Task Evictions_are_logged_as_a_warning_at_most_once_a_minute()
    {
        using var store = Store(1 * ItemBytes);
        await WriteAsync(store, 0);
        Assert.Equal(0, Warnings);

        await WriteAsync(store, 1);
        Assert.Equal(1, Warnings);
        _clock.Advance(TimeSpan.FromSeconds(30));
        await WriteAsync(store, 2);
        _clock.Advance(TimeSpan.FromSeconds(29));
        await WriteAsync(store, 3);
        Assert.Equal(1, Warnings);

        _clock.Advance(TimeSpan.FromSeconds(2));
        await WriteAsync(store, 4);
        Assert.Equal(2, Warnings);
        // The second warning counts the evictions since the first: k1, k2 and k3.
        Assert.Contains("Evicted=3", _logs.Lines.Last(), StringComparison.Ordinal);
        Assert.Equal(4, store.Evictions);
    }
}
