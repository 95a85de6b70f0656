using Microsoft.Bot.Builder;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using Newtonsoft.Json.Linq;

namespace MagBot.Storage;

/// <summary>Options of the embedded store (section <c>Storage</c>).</summary>
public sealed class StorageOptions
{
    public const string SectionName = "Storage";

    /// <summary><c>Memory</c> (default) or <c>Redis</c>.</summary>
    public string Provider { get; set; } = "Memory";

    /// <summary>State untouched for this long is forgotten (the retention limit for health data).</summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromHours(4);

    /// <summary>The most items the embedded store holds; the least recently used go first beyond it.</summary>
    public long MaxItems { get; set; } = 200_000;

    /// <summary>Prefix of every Redis key, so several bots can share one Redis.</summary>
    public string KeyPrefix { get; set; } = "magbot:";
}

/// <summary>
/// The embedded Bot Framework store: one process, no set-up. Items are kept as JSON text (never
/// shared object references) with a sliding expiry, so abandoned conversations do not grow memory
/// without bound. ETags follow Bot Framework: a write with a stale ETag fails, <c>*</c> or none overwrites.
/// </summary>
public sealed class MemoryCacheStorage : IStorage, IDisposable
{
    private readonly MemoryCache _cache;
    private readonly TimeSpan _retention;
    private readonly object _writeLock = new();
    private long _etag;

    public MemoryCacheStorage(IOptions<StorageOptions> options, TimeProvider? time = null)
    {
        var o = options.Value;
        _retention = o.Retention;
        _cache = new MemoryCache(new MemoryCacheOptions
        {
            SizeLimit = o.MaxItems,
            Clock = time is null ? null : new TimeProviderClock(time),
            ExpirationScanFrequency = TimeSpan.FromMinutes(1),
        });
    }

    private sealed record Entry(string Json, string ETag);

    public Task<IDictionary<string, object>> ReadAsync(string[] keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var result = new Dictionary<string, object>(keys.Length);
        foreach (var key in keys)
        {
            if (_cache.TryGetValue(key, out Entry? entry) && entry is not null)
            {
                var json = StoreItemJson.Deserialize(entry.Json);
                json[StoreItemJson.ETagProperty] = entry.ETag;
                result[key] = json;
            }
        }
        return Task.FromResult<IDictionary<string, object>>(result);
    }

    public Task WriteAsync(IDictionary<string, object> changes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(changes);
        lock (_writeLock)
        {
            // Check every ETag before writing any, so a failed batch changes nothing.
            foreach (var (key, value) in changes)
            {
                var current = _cache.TryGetValue(key, out Entry? e) ? e?.ETag : null;
                if (!StoreItemJson.ETagAllows(StoreItemJson.ExpectedETag(value), current)) throw StoreItemJson.Conflict(key);
            }
            foreach (var (key, value) in changes)
            {
                var json = StoreItemJson.ToJson(value);
                json.Remove(StoreItemJson.ETagProperty);
                var etag = Interlocked.Increment(ref _etag).ToString(System.Globalization.CultureInfo.InvariantCulture);
                _cache.Set(key, new Entry(StoreItemJson.Serialize(json), etag), new MemoryCacheEntryOptions { Size = 1, SlidingExpiration = _retention });
            }
        }
        return Task.CompletedTask;
    }

    public Task DeleteAsync(string[] keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        foreach (var key in keys) _cache.Remove(key);
        return Task.CompletedTask;
    }

    public int Count => _cache.Count;

    public void Dispose() => _cache.Dispose();

    private sealed class TimeProviderClock(TimeProvider time) : Microsoft.Extensions.Internal.ISystemClock
    {
        public DateTimeOffset UtcNow => time.GetUtcNow();
    }
}
