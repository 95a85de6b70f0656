using System.Text;
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
    private static readonly long ItemBytes = MemoryCacheStorage.SizeOf("k0", Encoding.UTF8.GetByteCount(Json(0)));

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
    public async Task An_item_counts_its_key_string_its_utf8_array_and_the_entry_overhead()
    {
        using var store = Store(100 * ItemBytes);
        await WriteAsync(store, 0, 1);
        // "k0": a string of 2 characters is 16 + 4 + 2 × 3 bytes = 26, laid out as 32; the JSON's 57 UTF-8 bytes in an
        // array are 24 + 57 = 81, laid out as 88.
        Assert.Equal(57, Encoding.UTF8.GetByteCount(Json(0)));
        Assert.Equal(32 + 88 + MemoryCacheStorage.EntryOverheadBytes, ItemBytes);
        Assert.Equal(2 * ItemBytes, store.StoredBytes);

        await WriteAsync(store, 1); // an overwrite replaces the old size, it does not add to it
        Assert.Equal(2 * ItemBytes, store.StoredBytes);
        await store.DeleteAsync(["k0"]);
        Assert.Equal(ItemBytes, store.StoredBytes);
    }

    [Fact]
    public async Task The_counted_bytes_are_the_serialized_utf8_sizes_of_the_items_held()
    {
        using var store = Store(1024 * 1024);
        // Accents, Spanish and an emoji take 2 to 4 UTF-8 bytes a character: counted as bytes, not characters.
        var items = new Dictionary<string, object>
        {
            ["emulator/conversations/a"] = new JObject { ["said"] = "tengo dolor de cabeza, ¿qué hago? 😟", ["n"] = 3 },
            ["emulator/conversations/bb"] = new JObject { ["stack"] = new JArray("topic.foods", "prompt.age"), ["words"] = new string('x', 700) },
            ["emulator/users/u-a"] = new JObject(),
        };
        await store.WriteAsync(items);
        Assert.Equal(items.Sum(i => Counted(i.Key, i.Value)), store.StoredBytes);

        // A rewrite to a different size, and a delete, keep the count equal to what is held.
        var grown = new JObject { ["said"] = new string('é', 300) };
        await store.WriteAsync(new Dictionary<string, object> { ["emulator/conversations/a"] = grown });
        await store.DeleteAsync(["emulator/users/u-a"]);
        Assert.Equal(Counted("emulator/conversations/a", grown) + Counted("emulator/conversations/bb", items["emulator/conversations/bb"]), store.StoredBytes);

        // What comes back is what was written.
        var read = await store.ReadAsync(["emulator/conversations/a"]);
        Assert.Equal(new string('é', 300), ((IDictionary<string, object?>)read["emulator/conversations/a"])["said"]);

        static long Counted(string key, object value) =>
            MemoryCacheStorage.SizeOf(key, Encoding.UTF8.GetByteCount(StoreItemJson.SerializeForStore(value)));
    }

    [Theory]
    [InlineData(1, 0)]
    [InlineData(2, 1)]
    [InlineData(60, 413)]
    [InlineData(40, 4000)]
    public void SizeOf_is_what_the_runtime_allocates_for_the_key_string_and_the_array(int keyLength, int jsonBytes)
    {
        // The key and the array are measured; the entry and its dictionary slot are fixed sizes (EntryOverheadBytes).
        var before = GC.GetAllocatedBytesForCurrentThread();
        var key = new string('k', keyLength);
        var middle = GC.GetAllocatedBytesForCurrentThread();
        var array = new byte[jsonBytes];
        var after = GC.GetAllocatedBytesForCurrentThread();
        GC.KeepAlive(array);
        Assert.Equal(MemoryCacheStorage.SizeOf(key, jsonBytes), (middle - before) + (after - middle) + MemoryCacheStorage.EntryOverheadBytes);
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
    public async Task Eviction_by_bytes_takes_exactly_as_many_least_recently_used_items_as_the_new_bytes_need()
    {
        static JObject Sized(int chars) => new() { ["text"] = new string('x', chars) };
        var small = MemoryCacheStorage.SizeOf("k0", Encoding.UTF8.GetByteCount(StoreItemJson.SerializeForStore(Sized(10))));
        var big = MemoryCacheStorage.SizeOf("k0", Encoding.UTF8.GetByteCount(StoreItemJson.SerializeForStore(Sized(1000))));
        using var store = Store(big + 2 * small);
        async Task Put(int i, int chars) => await store.WriteAsync(new Dictionary<string, object> { [$"k{i}"] = Sized(chars) });

        await Put(0, 10);
        await Put(1, 10);
        await Put(2, 1000); // exactly the budget: nothing goes
        Assert.Equal(big + 2 * small, store.StoredBytes);
        Assert.Equal(0, store.Evictions);

        await Put(3, 10); // one small item's worth over: only the oldest small item goes
        Assert.Equal(1, store.Evictions);
        Assert.Equal(big + 2 * small, store.StoredBytes);

        await store.ReadAsync(["k1"]); // from the oldest: k2 (big), k3, k1
        await Put(4, 10);
        Assert.Equal(2, store.Evictions); // the big one alone made room
        Assert.Equal(3 * small, store.StoredBytes);

        await Put(5, 1000); // one small item's worth over again: k3 goes; from the oldest: k1, k4, k5
        Assert.Equal(3, store.Evictions);
        Assert.Equal(big + 2 * small, store.StoredBytes);

        // k5 grows by more than one small item's room: both others go, k5 itself never does.
        await Put(5, 1300);
        Assert.Equal(5, store.Evictions);
        Assert.Equal(["k5"], await KeysAsync(store, 6));
        Assert.Equal(MemoryCacheStorage.SizeOf("k5", Encoding.UTF8.GetByteCount(StoreItemJson.SerializeForStore(Sized(1300)))), store.StoredBytes);
    }

    [Fact]
    public async Task A_conversation_that_grows_past_the_budget_keeps_its_own_item_and_others_make_room()
    {
        using var store = Store(4 * ItemBytes + 64); // its longer key takes 24 bytes more than a "k" item
        await store.WriteAsync(new Dictionary<string, object> { ["conversation/mine"] = Item(0) });
        await WriteAsync(store, 1, 2, 3); // nearly full; "mine" is the least recently used item
        Assert.Equal(0, store.Evictions);
        var grown = new JObject { ["text"] = new string('y', 200) }; // now larger than one item's room

        await store.WriteAsync(new Dictionary<string, object> { ["conversation/mine"] = grown });

        var mine = await store.ReadAsync(["conversation/mine"]);
        Assert.Equal(new string('y', 200), ((IDictionary<string, object?>)mine["conversation/mine"])["text"]);
        Assert.True(store.StoredBytes <= store.BudgetBytes);
        Assert.Equal(1, store.Evictions); // the oldest of the others went, and that was enough
        Assert.Equal(["k2", "k3"], await KeysAsync(store, 4));
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
