using System.Globalization;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace MagBot.Storage;

/// <summary>
/// The embedded Bot Framework store: one process, no set-up. Items are kept as JSON text (never shared object
/// references) and bounded three ways:
/// <list type="bullet">
/// <item>by bytes: at most <see cref="StorageOptions.MaxMemoryMB"/>, each item counted by <see cref="SizeOf"/>;</item>
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
    /// <summary>What an item costs besides its key and JSON text: the ETag string, the entry, its list node and
    /// its dictionary slot on 64-bit .NET (about 200 bytes; rounded up).</summary>
    public const int EntryOverheadBytes = 256;

    private static readonly TimeSpan WarningInterval = TimeSpan.FromMinutes(1);

    private readonly Dictionary<string, LinkedListNode<Entry>> _items = new(StringComparer.Ordinal);
    // Most recently used first: the items to evict, and the expired ones, are always at the end.
    private readonly LinkedList<Entry> _recency = new();
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

    private sealed class Entry(string key, string json, string etag, long size, DateTimeOffset lastUsed, TimeSpan retention)
    {
        public string Key { get; } = key;
        public TimeSpan Retention { get; } = retention;
        public string Json { get; } = json;
        public string ETag { get; } = etag;
        public long Size { get; } = size;
        public DateTimeOffset LastUsed { get; set; } = lastUsed;
    }

    public string Provider => StorageOptions.MemoryProvider;

    public int Count
    {
        get { lock (_lock) return _items.Count; }
    }

    public long StoredBytes => Interlocked.Read(ref _bytes);

    public long BudgetBytes { get; }

    public long Evictions => Interlocked.Read(ref _evictions);

    /// <summary>The bytes an item is counted as: its key and JSON text as .NET strings (two bytes a character)
    /// plus <see cref="EntryOverheadBytes"/>, so the budget tracks the memory the store really holds.</summary>
    public static long SizeOf(string key, string json) => 2L * (key.Length + json.Length) + EntryOverheadBytes;

    public Task<IDictionary<string, object>> ReadAsync(string[] keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var found = new List<(string Key, string Json, string ETag)>(keys.Length);
        lock (_lock)
        {
            var now = _time.GetUtcNow();
            RemoveExpired(now);
            foreach (var key in keys)
            {
                if (!_items.TryGetValue(key, out var node)) continue;
                Touch(node, now); // reading a conversation keeps it alive and makes it the last to be evicted
                found.Add((key, node.Value.Json, node.Value.ETag));
            }
        }
        // Parsed outside the lock: every turn of every conversation reads through it.
        var result = new Dictionary<string, object>(found.Count);
        foreach (var (key, json, etag) in found) result[key] = StoreItemJson.DeserializeProperties(json, etag);
        return Task.FromResult<IDictionary<string, object>>(result);
    }

    public Task WriteAsync(IDictionary<string, object> changes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(changes);
        // Serialized before taking the lock: every conversation's save goes through it.
        var writes = changes.Select(c => new Write(c.Key, StoreItemJson.ExpectedETag(c.Value), StoreItemJson.SerializeForStore(c.Value))).ToList();
        var size = writes.Sum(w => SizeOf(w.Key, w.Json));
        if (size > BudgetBytes)
        {
            throw new StorageItemTooLargeException(string.Create(CultureInfo.InvariantCulture,
                $"A write of {size:N0} bytes ({writes.Count} item(s), first key {StoreItemJson.Redact(writes[0].Key)}) is larger than the whole store " +
                $"({BudgetBytes:N0} bytes, {StorageOptions.SectionName}:{nameof(StorageOptions.MaxMemoryMB)}); nothing was written."));
        }
        long evicted;
        lock (_lock)
        {
            var now = _time.GetUtcNow();
            RemoveExpired(now);
            // Check every ETag before writing any, so a failed batch changes nothing.
            foreach (var w in writes)
            {
                var current = _items.TryGetValue(w.Key, out var node) ? node.Value.ETag : null;
                if (!StoreItemJson.ETagAllows(w.Expected, current)) throw StoreItemJson.Conflict(w.Key);
            }
            foreach (var w in writes)
            {
                Remove(w.Key);
                var etag = (++_etag).ToString(CultureInfo.InvariantCulture);
                var entry = new Entry(w.Key, w.Json, etag, SizeOf(w.Key, w.Json), now, _options.RetentionFor(w.Key));
                _items[w.Key] = _recency.AddFirst(entry);
                Interlocked.Add(ref _bytes, entry.Size);
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
            _recency.Clear();
            Interlocked.Exchange(ref _bytes, 0);
        }
    }

    private readonly record struct Write(string Key, string? Expected, string Json);

    private void Touch(LinkedListNode<Entry> node, DateTimeOffset now)
    {
        node.Value.LastUsed = now;
        _recency.Remove(node);
        _recency.AddFirst(node);
    }

    private void Remove(string key)
    {
        if (!_items.Remove(key, out var node)) return;
        _recency.Remove(node);
        Interlocked.Add(ref _bytes, -node.Value.Size);
    }

    /// <summary>Sliding expiry: the least recently used item is also the one untouched longest. An item with a longer
    /// period of its own (<see cref="StorageOptions.KeyRetention"/>: a handful) is stepped over until its own period ends.</summary>
    private void RemoveExpired(DateTimeOffset now)
    {
        var node = _recency.Last;
        while (node is not null && now - node.Value.LastUsed >= _retention)
        {
            var older = node.Previous;
            if (now - node.Value.LastUsed >= node.Value.Retention) Remove(node.Value.Key);
            node = older;
        }
    }

    /// <summary>Evicts from the least recently used end until both bounds hold; the <paramref name="keep"/> items
    /// just written sit at the front and are never taken (the write as a whole fits: checked before the lock).</summary>
    private long EvictBeyondBounds(int keep)
    {
        long evicted = 0;
        while (_items.Count > keep && (Interlocked.Read(ref _bytes) > BudgetBytes || _items.Count > _maxItems))
        {
            Remove(_recency.Last!.Value.Key);
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
