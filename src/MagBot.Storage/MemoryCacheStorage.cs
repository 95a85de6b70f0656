using System.Globalization;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace MagBot.Storage;

/// <summary>
/// The embedded Bot Framework store: one process, no set-up. Items are kept as JSON text (never
/// shared object references) with a sliding expiry of <see cref="StorageOptions.Retention"/>, so
/// abandoned conversations do not grow memory without bound, and at most <see cref="StorageOptions.MaxItems"/>
/// items. ETags follow Bot Framework: a write with a stale ETag fails with <see cref="ETagConflictException"/>,
/// <c>*</c> or none overwrites, and a batch with one stale item writes nothing.
/// </summary>
public sealed class MemoryCacheStorage : IStorage, IStorageHealth, IDisposable
{
    private readonly MemoryCache _cache;
    private readonly TimeSpan _retention;
    private readonly long _maxItems;
    private readonly object _writeLock = new();
    private long _etag;

    public MemoryCacheStorage(IOptions<StorageOptions> options, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var o = options.Value;
        _retention = o.Retention;
        _maxItems = o.MaxItems;
        _cache = new MemoryCache(new MemoryCacheOptions
        {
            SizeLimit = o.MaxItems,
            Clock = time is null ? null : new TimeProviderClock(time),
            ExpirationScanFrequency = TimeSpan.FromMinutes(1),
        });
    }

    private sealed record Entry(string Json, string ETag);

    public string Provider => StorageOptions.MemoryProvider;

    public int Count => _cache.Count;

    public Task<IDictionary<string, object>> ReadAsync(string[] keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var result = new Dictionary<string, object>(keys.Length);
        foreach (var key in keys)
        {
            // TryGetValue also restarts the sliding expiry: reading a conversation keeps it alive.
            if (_cache.TryGetValue(key, out Entry? entry) && entry is not null)
            {
                result[key] = StoreItemJson.DeserializeProperties(entry.Json, entry.ETag);
            }
        }
        return Task.FromResult<IDictionary<string, object>>(result);
    }

    public Task WriteAsync(IDictionary<string, object> changes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(changes);
        // Serialized before taking the lock: every conversation's save goes through it.
        var writes = changes.Select(c => (c.Key, Expected: StoreItemJson.ExpectedETag(c.Value), Json: StoreItemJson.SerializeForStore(c.Value))).ToList();
        lock (_writeLock)
        {
            // Check every ETag before writing any, so a failed batch changes nothing.
            foreach (var (key, expected, _) in writes)
            {
                var current = _cache.TryGetValue(key, out Entry? e) ? e?.ETag : null;
                if (!StoreItemJson.ETagAllows(expected, current)) throw StoreItemJson.Conflict(key);
            }
            foreach (var (key, _, json) in writes)
            {
                var etag = Interlocked.Increment(ref _etag).ToString(CultureInfo.InvariantCulture);
                // MemoryCache silently refuses an entry that would pass its size limit; make room first
                // (expired, then least recently used) so a write is never dropped without a trace.
                if (_cache.Count >= _maxItems && !_cache.TryGetValue(key, out _)) _cache.Compact(Math.Max(0.05, 1.5 / Math.Max(1, _cache.Count)));
                _cache.Set(key, new Entry(json, etag), new MemoryCacheEntryOptions { Size = 1, SlidingExpiration = _retention });
            }
        }
        return Task.CompletedTask;
    }

    public Task DeleteAsync(string[] keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        lock (_writeLock)
        {
            foreach (var key in keys) _cache.Remove(key);
        }
        return Task.CompletedTask;
    }

    public Task<bool> IsAvailableAsync(CancellationToken cancellationToken = default) => Task.FromResult(true);

    public void Dispose() => _cache.Dispose();

    private sealed class TimeProviderClock(TimeProvider time) : Microsoft.Extensions.Internal.ISystemClock
    {
        public DateTimeOffset UtcNow => time.GetUtcNow();
    }
}
