namespace MagBot.Storage;

/// <summary>Where and how long MagBot keeps conversation and user state (section <c>Storage</c>,
/// plus <c>ConnectionStrings:Redis</c>). Validated at start-up by <see cref="StorageOptionsValidator"/>.</summary>
public sealed class StorageOptions
{
    public const string SectionName = "Storage";
    public const string MemoryProvider = "Memory";
    public const string RedisProvider = "Redis";
    public const string RedisConnectionStringKey = "ConnectionStrings:Redis";

    /// <summary><c>Memory</c> (default: one process, no set-up) or <c>Redis</c> (several instances).</summary>
    public string Provider { get; set; } = MemoryProvider;

    /// <summary>State untouched for this long is forgotten (the retention limit for health data).
    /// Every read or write of an item starts the period again (sliding expiry).</summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromHours(4);

    /// <summary>Items kept for a period of their own instead of <see cref="Retention"/>, by their exact (Bot Framework)
    /// key: the clinic's kept questions and comments live for <c>Insights:Retention</c>, which the host sets here. Still
    /// sliding, and the embedded store may still evict them when it is full.</summary>
    public Dictionary<string, TimeSpan> KeyRetention { get; } = new(StringComparer.Ordinal);

    /// <summary>How long the item under <paramref name="key"/> lives untouched.</summary>
    public TimeSpan RetentionFor(string key) => KeyRetention.TryGetValue(key, out var own) ? own : Retention;

    /// <summary>The most items the embedded store holds; beyond it the least recently used go first. A second
    /// bound beside <see cref="MaxMemoryMB"/>, which is the one that sizes memory.</summary>
    public long MaxItems { get; set; } = 200_000;

    /// <summary>The most memory the embedded store's items may take, in megabytes (MiB; fractions allowed), each
    /// item counted by what it keeps on the heap: its key, its JSON as UTF-8 and its entry (<see cref="MemoryCacheStorage.SizeOf"/>). Beyond it the least
    /// recently used conversations go first. At least 1. The default suits a small instance (App Service B1: 1.75 GB).</summary>
    public double MaxMemoryMB { get; set; } = 256;

    /// <summary>The largest <see cref="MaxMemoryMB"/> accepted: 1 TiB, far beyond any instance, to catch a value
    /// given in bytes or kilobytes by mistake.</summary>
    public const double MaxMemoryMBLimit = 1024 * 1024;

    public long MaxMemoryBytes => (long)Math.Round(MaxMemoryMB * 1024 * 1024);

    /// <summary>Prefix of every Redis key, so several bots (or environments) can share one Redis.</summary>
    public string KeyPrefix { get; set; } = "magbot:";

    /// <summary>How long one turn may hold its conversation's lock before another instance may take it
    /// (a crashed instance must not block a conversation for ever).</summary>
    public TimeSpan LockLease { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a turn waits for another turn of the same conversation to finish before it gives up
    /// with the apology.</summary>
    public TimeSpan LockWait { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Connect and per-command timeout for Redis: a turn fails with a clear error within about this
    /// long when Redis is down, instead of hanging.</summary>
    public TimeSpan RedisTimeout { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>Filled from <c>ConnectionStrings:Redis</c> (not from the <c>Storage</c> section).</summary>
    public string? RedisConnectionString { get; set; }

    public bool UsesRedis => string.Equals(Provider, RedisProvider, StringComparison.OrdinalIgnoreCase);
}
