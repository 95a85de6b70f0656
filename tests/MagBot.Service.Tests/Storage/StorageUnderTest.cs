using MagBot.Service.Tests.Support;
using MagBot.Storage;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace MagBot.Service.Tests.Storage;

/// <summary>One provider under the storage contract: the store, and how to let time pass for it (a fake clock
/// for the memory store, real time for Redis, whose expiry runs inside the server).</summary>
public sealed class StorageUnderTest : IAsyncDisposable
{
    private readonly IDisposable? _owned;
    private readonly Func<TimeSpan, Task> _advance;

    private StorageUnderTest(IStorage storage, Func<TimeSpan, Task> advance, IDisposable? owned)
    {
        Storage = storage;
        _advance = advance;
        _owned = owned;
    }

    public IStorage Storage { get; }

    public Task AdvanceAsync(TimeSpan by) => _advance(by);

    public static async Task<StorageUnderTest> CreateAsync(string provider, RedisServerFixture redis, TimeSpan retention, long maxItems = 1000,
        IReadOnlyDictionary<string, TimeSpan>? keyRetention = null)
    {
        var options = new StorageOptions
        {
            Provider = provider,
            Retention = retention,
            MaxItems = maxItems,
            KeyPrefix = $"test-{Guid.NewGuid():N}:",
        };
        foreach (var (key, period) in keyRetention ?? new Dictionary<string, TimeSpan>()) options.KeyRetention[key] = period;
        if (provider == StorageOptions.MemoryProvider)
        {
            var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
            var memory = new MemoryCacheStorage(Options.Create(options), clock);
            return new StorageUnderTest(memory, by => { clock.Advance(by); return Task.CompletedTask; }, memory);
        }
        var server = await redis.GetAsync();
        options.RedisConnectionString = server.ConnectionString;
        var connection = new RedisConnection(Options.Create(options), NullLogger<RedisConnection>.Instance);
        return new StorageUnderTest(new RedisStorage(connection, Options.Create(options)), Task.Delay, connection);
    }

    public ValueTask DisposeAsync()
    {
        _owned?.Dispose();
        return ValueTask.CompletedTask;
    }
}
