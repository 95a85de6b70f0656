using MagBot.Service.Tests.Support;
using MagBot.Storage;
using Newtonsoft.Json.Linq;

namespace MagBot.Service.Tests.Storage;

/// <summary>
/// The Bot Framework storage contract, run against every provider: the embedded memory store always, Redis
/// when redis-server is installed or CI=true (see <see cref="Redis_contract_rows_run_here"/> for the skip).
/// </summary>
public sealed class StorageContractTests(RedisServerFixture redis) : IClassFixture<RedisServerFixture>
{
    public static TheoryData<string> Providers()
    {
        var data = new TheoryData<string> { StorageOptions.MemoryProvider };
        if (RedisServer.SkipReason is null) data.Add(StorageOptions.RedisProvider);
        return data;
    }

    private static readonly TimeSpan LongRetention = TimeSpan.FromHours(1);

    private Task<StorageUnderTest> CreateAsync(string provider, TimeSpan? retention = null) =>
        StorageUnderTest.CreateAsync(provider, redis, retention ?? LongRetention);

    private static JObject Item(int count, string? etag = null)
    {
        var item = new JObject { ["count"] = count, ["name"] = "x" };
        if (etag is not null) item["eTag"] = etag;
        return item;
    }

    private static async Task<JObject?> ReadOneAsync(StorageUnderTest s, string key) =>
        (await s.Storage.ReadAsync([key])).TryGetValue(key, out var v) ? JObject.FromObject(v) : null;

    [RedisFact]
    public async Task Redis_contract_rows_run_here()
    {
        // Visible in the results as skipped where redis-server is missing; the Redis theory rows are then left out.
        Assert.Contains(((IEnumerable<object[]>)Providers()).Select(row => (string)row[0]), p => p == StorageOptions.RedisProvider);
        await using var s = await CreateAsync(StorageOptions.RedisProvider);
        await s.Storage.WriteAsync(new Dictionary<string, object> { ["k"] = Item(1) });
        Assert.NotNull(await ReadOneAsync(s, "k"));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Written_items_read_back_with_their_values_and_an_etag(string provider)
    {
        await using var s = await CreateAsync(provider);
        await s.Storage.WriteAsync(new Dictionary<string, object> { ["a"] = Item(1), ["b"] = Item(2) });
        var read = await s.Storage.ReadAsync(["a", "b", "missing"]);
        Assert.Equal(2, read.Count);
        Assert.Equal(1, JObject.FromObject(read["a"]).Value<int>("count"));
        Assert.Equal(2, JObject.FromObject(read["b"]).Value<int>("count"));
        Assert.False(string.IsNullOrEmpty(JObject.FromObject(read["a"]).Value<string>("eTag")));
        Assert.False(read.ContainsKey("missing"));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Typed_state_is_stored_without_type_names(string provider)
    {
        await using var s = await CreateAsync(provider);
        await s.Storage.WriteAsync(new Dictionary<string, object> { ["typed"] = new Dictionary<string, object> { ["inner"] = new List<int> { 1, 2 } } });
        var read = await ReadOneAsync(s, "typed");
        Assert.NotNull(read);
        Assert.DoesNotContain("$type", read!.ToString(), StringComparison.Ordinal);
        Assert.Equal([1, 2], read["inner"]!.Values<int>());
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Delete_removes_the_items_and_ignores_missing_keys(string provider)
    {
        await using var s = await CreateAsync(provider);
        await s.Storage.WriteAsync(new Dictionary<string, object> { ["a"] = Item(1), ["b"] = Item(2) });
        await s.Storage.DeleteAsync(["a", "never-written"]);
        var read = await s.Storage.ReadAsync(["a", "b"]);
        Assert.False(read.ContainsKey("a"));
        Assert.True(read.ContainsKey("b"));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_write_with_the_current_etag_succeeds_and_changes_the_etag(string provider)
    {
        await using var s = await CreateAsync(provider);
        await s.Storage.WriteAsync(new Dictionary<string, object> { ["k"] = Item(1) });
        var first = (await ReadOneAsync(s, "k"))!.Value<string>("eTag")!;
        await s.Storage.WriteAsync(new Dictionary<string, object> { ["k"] = Item(2, first) });
        var second = await ReadOneAsync(s, "k");
        Assert.Equal(2, second!.Value<int>("count"));
        Assert.NotEqual(first, second.Value<string>("eTag"));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_write_with_a_stale_etag_fails_and_changes_nothing(string provider)
    {
        await using var s = await CreateAsync(provider);
        await s.Storage.WriteAsync(new Dictionary<string, object> { ["k"] = Item(1) });
        var stale = (await ReadOneAsync(s, "k"))!.Value<string>("eTag")!;
        await s.Storage.WriteAsync(new Dictionary<string, object> { ["k"] = Item(2, stale) });

        await Assert.ThrowsAsync<ETagConflictException>(() => s.Storage.WriteAsync(new Dictionary<string, object> { ["k"] = Item(3, stale) }));
        Assert.Equal(2, (await ReadOneAsync(s, "k"))!.Value<int>("count"));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_batch_with_one_stale_item_writes_none_of_it(string provider)
    {
        await using var s = await CreateAsync(provider);
        await s.Storage.WriteAsync(new Dictionary<string, object> { ["a"] = Item(1), ["b"] = Item(1) });
        var a = (await ReadOneAsync(s, "a"))!.Value<string>("eTag")!;
        await s.Storage.WriteAsync(new Dictionary<string, object> { ["b"] = Item(2) });

        await Assert.ThrowsAsync<ETagConflictException>(() => s.Storage.WriteAsync(new Dictionary<string, object>
        {
            ["a"] = Item(10, a),
            ["b"] = Item(10, "stale-etag"),
            ["c"] = Item(10),
        }));
        Assert.Equal(1, (await ReadOneAsync(s, "a"))!.Value<int>("count"));
        Assert.Equal(2, (await ReadOneAsync(s, "b"))!.Value<int>("count"));
        Assert.Null(await ReadOneAsync(s, "c"));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Star_or_no_etag_overwrites_whatever_is_stored(string provider)
    {
        await using var s = await CreateAsync(provider);
        await s.Storage.WriteAsync(new Dictionary<string, object> { ["k"] = Item(1) });
        await s.Storage.WriteAsync(new Dictionary<string, object> { ["k"] = Item(2, "*") });
        Assert.Equal(2, (await ReadOneAsync(s, "k"))!.Value<int>("count"));
        await s.Storage.WriteAsync(new Dictionary<string, object> { ["k"] = Item(3) });
        Assert.Equal(3, (await ReadOneAsync(s, "k"))!.Value<int>("count"));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Items_expire_after_the_retention_period_unless_read_or_written(string provider)
    {
        // Memory runs on a fake clock; Redis on real time, so its period is long enough that a loaded
        // machine (both test projects run at once) cannot stretch a 0.6-period pause past the period.
        var retention = provider == StorageOptions.RedisProvider ? TimeSpan.FromSeconds(6) : TimeSpan.FromSeconds(2);
        await using var s = await CreateAsync(provider, retention);
        await s.Storage.WriteAsync(new Dictionary<string, object> { ["kept"] = Item(1), ["idle"] = Item(1) });

        await s.AdvanceAsync(retention * 0.6);
        Assert.NotNull(await ReadOneAsync(s, "kept")); // reading restarts the period
        await s.AdvanceAsync(retention * 0.6);
        Assert.NotNull(await ReadOneAsync(s, "kept"));
        Assert.Null(await ReadOneAsync(s, "idle")); // 1.2 periods untouched

        await s.AdvanceAsync(retention * 1.25);
        Assert.Null(await ReadOneAsync(s, "kept"));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task An_item_with_a_period_of_its_own_outlives_the_others_and_still_expires_on_the_memory_clock(string provider)
    {
        // The clinic's kept questions (Insights:Retention, 30 days) must not end after a quiet night (Storage:Retention, 4 hours).
        var retention = provider == StorageOptions.RedisProvider ? TimeSpan.FromSeconds(3) : TimeSpan.FromSeconds(2);
        await using var s = await StorageUnderTest.CreateAsync(provider, redis, retention, keyRetention: new Dictionary<string, TimeSpan> { ["kept-long"] = retention * 20 });
        await s.Storage.WriteAsync(new Dictionary<string, object> { ["kept-long"] = Item(1) });
        await s.Storage.WriteAsync(new Dictionary<string, object> { ["ordinary"] = Item(1) });

        await s.AdvanceAsync(retention * 1.5);
        Assert.Null(await ReadOneAsync(s, "ordinary"));
        Assert.NotNull(await ReadOneAsync(s, "kept-long")); // the read restarts its own period
        if (provider != StorageOptions.MemoryProvider) return; // Redis runs on real time: its own period is not waited out

        // An ordinary item written after it and left idle still expires, although the long-lived one sits behind it.
        await s.Storage.WriteAsync(new Dictionary<string, object> { ["ordinary-2"] = Item(2) });
        await s.AdvanceAsync(retention * 1.5);
        Assert.Null(await ReadOneAsync(s, "ordinary-2"));
        await s.AdvanceAsync(retention * 21);
        Assert.Null(await ReadOneAsync(s, "kept-long"));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Concurrent_read_modify_write_with_etags_and_retry_loses_no_update(string provider)
    {
        const int writers = 20;
        await using var s = await CreateAsync(provider);
        await s.Storage.WriteAsync(new Dictionary<string, object> { ["counter"] = Item(0) });
        var conflicts = 0;

        async Task IncrementAsync()
        {
            while (true)
            {
                var current = (await ReadOneAsync(s, "counter"))!;
                await Task.Yield();
                try
                {
                    await s.Storage.WriteAsync(new Dictionary<string, object> { ["counter"] = Item(current.Value<int>("count") + 1, current.Value<string>("eTag")) });
                    return;
                }
                catch (ETagConflictException)
                {
                    Interlocked.Increment(ref conflicts);
                }
            }
        }

        await Task.WhenAll(Enumerable.Range(0, writers).Select(_ => Task.Run(IncrementAsync)));
        Assert.Equal(writers, (await ReadOneAsync(s, "counter"))!.Value<int>("count"));
    }

    [Fact]
    public async Task The_memory_store_stays_within_its_item_limit_and_keeps_the_newest_write()
    {
        await using var s = await StorageUnderTest.CreateAsync(StorageOptions.MemoryProvider, redis, LongRetention, maxItems: 3);
        for (var i = 0; i < 10; i++)
            await s.Storage.WriteAsync(new Dictionary<string, object> { [$"k{i}"] = Item(i) });
        var all = await s.Storage.ReadAsync([.. Enumerable.Range(0, 10).Select(i => $"k{i}")]);
        Assert.InRange(all.Count, 1, 3);
        Assert.True(all.ContainsKey("k9"), "the last write must never be dropped by the size limit");
    }
}
