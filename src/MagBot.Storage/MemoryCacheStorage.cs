using System.Globalization;
using System.Text;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace MagBot.Storage;

/// <summary>
/// The embedded Bot Framework store: one process, no set-up. Each item is kept as <b>one UTF-8 byte array</b> of its
/// JSON (never an object graph, never shared references), so what the store counts is what it holds, and replacing
/// an item frees exactly one array. Items are bounded three ways:
/// <list type="bullet">
/// <item>by bytes: at most <see cref="StorageOptions.MaxMemoryMB"/>, each item counted by <see cref="SizeOf"/>: the
/// objects it keeps on the heap, byte for byte (its key string, its array, its entry and its dictionary slot);</item>
/// <item>by number: at most <see cref="StorageOptions.MaxItems"/>;</item>
/// <item>by time: an item untouched for <see cref="StorageOptions.Retention"/> is gone (sliding expiry).</item>
/// </list>
/// Past a bound, the least recently used items (read or written) go first, never an item of the write being
/// made, so a turn's own save cannot push out its own conversation; a write larger than the whole budget is
/// refused with <see cref="StorageItemTooLargeException"/> and changes nothing. Evictions are counted
/// (<see cref="Evictions"/>, on <c>/healthz</c>) and logged as a warning at most once a minute.
/// ETags follow Bot Framework: a write with a stale ETag fails with <see cref="ETagConflictException"/>,
/// <c>*</c> or none overwrites, and a batch with one stale item writes nothing.
/// </summary>
public sealed partial class MemoryCacheStorage : IStorage, IStorageHealth, IStoreUsage, IDisposable
{
    // Sizes of what an item keeps on the heap, on 64-bit .NET (an object header and method table pointer are 16 bytes,
    // every object is a multiple of 8 bytes).
    private const int ObjectHeaderBytes = 16;
    private const int ArrayHeaderBytes = ObjectHeaderBytes + 8; // + the length (4 bytes, padded to 8)
    private const int StringHeaderBytes = ObjectHeaderBytes + 4 + 2; // + the length and the terminating '\0'

    /// <summary>What an item costs besides its key string and its array: its <see cref="Entry"/> object (header, four
    /// references, three 64-bit numbers: 72 bytes) and its slot in the key dictionary (hash, next index, key and value
    /// references: 24 bytes, and its bucket: 4).</summary>
    public const int EntryOverheadBytes = ObjectHeaderBytes + 4 * 8 + 3 * 8 + 24 + 4;

    private static readonly TimeSpan WarningInterval = TimeSpan.FromMinutes(1);
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    private readonly Dictionary<string, Entry> _items = new(StringComparer.Ordinal);
    // A list through the entries themselves, most recently used first: the items to evict, and the expired ones, are
    // always at the end. No node object per item, and an item rewritten in place keeps its entry.
    private Entry? _newest;
    private Entry? _oldest;
    private readonly object _lock = new();
    private readonly TimeSpan _retention;
    private readonly StorageOptions _options;
    private readonly long _maxItems;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private long _bytes;
    private long _evictions;
    private long _evictionsAtLastWarning;
    private DateTimeOffset _lastWarning = DateTimeOffset.MinValue;
    private long _etag;

    public MemoryCacheStorage(IOptions<StorageOptions> options, TimeProvider? time = null, ILogger<MemoryCacheStorage>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var o = options.Value;
        _retention = o.Retention;
        _options = o;
        _maxItems = o.MaxItems;
        BudgetBytes = o.MaxMemoryBytes;
        _time = time ?? TimeProvider.System;
        _logger = logger ?? (ILogger)NullLogger.Instance;
    }

    // Exactly the fields EntryOverheadBytes counts: four references and three longs.
    private sealed class Entry(string key, byte[] json, long etag, long lastUsedTicks, long retentionTicks)
    {
        public readonly string Key = key;
        public byte[] Json = json;
        public Entry? Newer;
        public Entry? Older;
        public long ETag = etag;
        public long LastUsedTicks = lastUsedTicks;
        public long RetentionTicks = retentionTicks;
    }

    public string Provider => StorageOptions.MemoryProvider;

    public int Count
    {
        get { lock (_lock) return _items.Count; }
    }

    public long StoredBytes => Interlocked.Read(ref _bytes);

    public long BudgetBytes { get; }

    public long Evictions => Interlocked.Read(ref _evictions);

    /// <summary>The bytes an item is counted as, which are the bytes it keeps on the heap: its key string, the array of
    /// its <paramref name="jsonBytes"/> UTF-8 bytes (each object rounded up to 8 bytes, as .NET lays them out) and
    /// <see cref="EntryOverheadBytes"/>.</summary>
    public static long SizeOf(string key, int jsonBytes) =>
        RoundUp(StringHeaderBytes + 2L * key.Length) + RoundUp(ArrayHeaderBytes + (long)jsonBytes) + EntryOverheadBytes;

    /// <summary>The UTF-8 JSON the store keeps for <paramref name="value"/> (without its ETag).</summary>
    public static byte[] Encode(object value) => Utf8.GetBytes(StoreItemJson.SerializeForStore(value));

    private static long RoundUp(long bytes) => (bytes + 7) & ~7L;

    public Task<IDictionary<string, object>> ReadAsync(string[] keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var found = new List<(string Key, byte[] Json, long ETag)>(keys.Length);
        lock (_lock)
        {
            var now = _time.GetUtcNow().UtcTicks;
            RemoveExpired(now);
            foreach (var key in keys)
            {
                if (!_items.TryGetValue(key, out var entry)) continue;
                Touch(entry, now); // reading a conversation keeps it alive and makes it the last to be evicted
                // The array is never changed once stored (a write replaces it), so it can be read outside the lock.
                found.Add((key, entry.Json, entry.ETag));
            }
        }
        // Parsed outside the lock: every turn of every conversation reads through it.
        var result = new Dictionary<string, object>(found.Count);
        foreach (var (key, json, etag) in found)
            result[key] = StoreItemJson.DeserializeProperties(Utf8.GetString(json), etag.ToString(CultureInfo.InvariantCulture));
        return Task.FromResult<IDictionary<string, object>>(result);
    }

    public Task WriteAsync(IDictionary<string, object> changes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(changes);
        // Serialized before taking the lock: every conversation's save goes through it.
        var writes = changes.Select(c => new Write(c.Key, StoreItemJson.ExpectedETag(c.Value), Encode(c.Value))).ToList();
        var size = writes.Sum(w => SizeOf(w.Key, w.Json.Length));
        if (size > BudgetBytes)
        {
            throw new StorageItemTooLargeException(string.Create(CultureInfo.InvariantCulture,
                $"A write of {size:N0} bytes ({writes.Count} item(s), first key {StoreItemJson.Redact(writes[0].Key)}) is larger than the whole store " +
                $"({BudgetBytes:N0} bytes, {StorageOptions.SectionName}:{nameof(StorageOptions.MaxMemoryMB)}); nothing was written."));
        }
        long evicted;
        lock (_lock)
        {
            var now = _time.GetUtcNow().UtcTicks;
            RemoveExpired(now);
            // Check every ETag before writing any, so a failed batch changes nothing.
            foreach (var w in writes)
            {
                var current = _items.TryGetValue(w.Key, out var entry) ? entry.ETag.ToString(CultureInfo.InvariantCulture) : null;
                if (!StoreItemJson.ETagAllows(w.Expected, current)) throw StoreItemJson.Conflict(w.Key);
            }
            foreach (var w in writes)
            {
                var etag = ++_etag;
                if (_items.TryGetValue(w.Key, out var entry))
                {
                    // Rewritten in place: the old array is the only thing let go.
                    Interlocked.Add(ref _bytes, (long)SizeOf(entry.Key, w.Json.Length) - SizeOf(entry.Key, entry.Json.Length));
                    entry.Json = w.Json;
                    entry.ETag = etag;
                    Touch(entry, now);
                }
                else
                {
                    entry = new Entry(w.Key, w.Json, etag, now, _options.RetentionFor(w.Key).Ticks);
                    _items.Add(w.Key, entry);
                    AddNewest(entry);
                    Interlocked.Add(ref _bytes, SizeOf(entry.Key, entry.Json.Length));
                }
            }
            evicted = EvictBeyondBounds(keep: writes.Count);
        }
        if (evicted > 0) WarnAtMostOncePerInterval();
        return Task.CompletedTask;
    }

    public Task DeleteAsync(string[] keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        lock (_lock)
        {
            foreach (var key in keys) Remove(key);
        }
        return Task.CompletedTask;
    }

    public Task<bool> IsAvailableAsync(CancellationToken cancellationToken = default) => Task.FromResult(true);

    public void Dispose()
    {
        lock (_lock)
        {
            _items.Clear();
            _newest = _oldest = null;
            Interlocked.Exchange(ref _bytes, 0);
        }
    }

    private readonly record struct Write(string Key, string? Expected, byte[] Json);

    private void Touch(Entry entry, long now)
    {
        entry.LastUsedTicks = now;
        if (ReferenceEquals(entry, _newest)) return;
        Unlink(entry);
        AddNewest(entry);
    }

    private void AddNewest(Entry entry)
    {
        entry.Older = _newest;
        entry.Newer = null;
        if (_newest is not null) _newest.Newer = entry;
        _newest = entry;
        _oldest ??= entry;
    }

    private void Unlink(Entry entry)
    {
        if (entry.Newer is not null) entry.Newer.Older = entry.Older;
        else _newest = entry.Older;
        if (entry.Older is not null) entry.Older.Newer = entry.Newer;
        else _oldest = entry.Newer;
        entry.Newer = entry.Older = null;
    }

    private void Remove(string key)
    {
        if (!_items.Remove(key, out var entry)) return;
        Unlink(entry);
        Interlocked.Add(ref _bytes, -SizeOf(entry.Key, entry.Json.Length));
    }

    /// <summary>Sliding expiry: the least recently used item is also the one untouched longest. An item with a longer
    /// period of its own (<see cref="StorageOptions.KeyRetention"/>: a handful) is stepped over until its own period ends.</summary>
    private void RemoveExpired(long now)
    {
        var entry = _oldest;
        while (entry is not null && now - entry.LastUsedTicks >= _retention.Ticks)
        {
            var newer = entry.Newer;
            if (now - entry.LastUsedTicks >= entry.RetentionTicks) Remove(entry.Key);
            entry = newer;
        }
    }

    /// <summary>Evicts from the least recently used end until both bounds hold; the <paramref name="keep"/> items
    /// just written sit at the front and are never taken (the write as a whole fits: checked before the lock).</summary>
    private long EvictBeyondBounds(int keep)
    {
        long evicted = 0;
        while (_items.Count > keep && (Interlocked.Read(ref _bytes) > BudgetBytes || _items.Count > _maxItems))
        {
            Remove(_oldest!.Key);
            evicted++;
        }
        if (evicted > 0) Interlocked.Add(ref _evictions, evicted);
        return evicted;
    }

    private void WarnAtMostOncePerInterval()
    {
        var now = _time.GetUtcNow();
        long since;
        lock (_lock)
        {
            if (now - _lastWarning < WarningInterval) return;
            _lastWarning = now;
            since = _evictions - _evictionsAtLastWarning;
            _evictionsAtLastWarning = _evictions;
        }
        LogEvicting(_logger, since, StoredBytes, BudgetBytes, _maxItems);
    }

    [LoggerMessage(EventId = 4101, Level = LogLevel.Warning,
        Message = "Embedded store full: {Evicted} least recently used conversation item(s) evicted since the last warning " +
                  "({StoredBytes} of {BudgetBytes} bytes, at most {MaxItems} items). Raise Storage:MaxMemoryMB or use Redis to keep more.")]
    private static partial void LogEvicting(ILogger logger, long evicted, long storedBytes, long budgetBytes, long maxItems);
}
