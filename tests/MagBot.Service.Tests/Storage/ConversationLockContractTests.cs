using MagBot.Service.Tests.Support;
using MagBot.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace MagBot.Service.Tests.Storage;

/// <summary>The per-conversation turn lock, in-process and in Redis: one holder at a time, a bounded wait,
/// and (Redis) a lease that lapses and a release that frees only its own lock.</summary>
public sealed class ConversationLockContractTests(RedisServerFixture redis) : IClassFixture<RedisServerFixture>
{
    private async Task<(IConversationLock Lock, IDisposable? Owned)> CreateAsync(string provider, TimeSpan wait, TimeSpan? lease = null)
    {
        var options = new StorageOptions
        {
            Provider = provider,
            LockWait = wait,
            LockLease = lease ?? TimeSpan.FromSeconds(30),
            KeyPrefix = $"lock-test-{Guid.NewGuid():N}:",
        };
        if (provider == StorageOptions.MemoryProvider) return (new MemoryConversationLock(Options.Create(options)), null);
        options.RedisConnectionString = (await redis.GetAsync()).ConnectionString;
        var connection = new RedisConnection(Options.Create(options), NullLogger<RedisConnection>.Instance);
        return (new RedisConversationLock(connection, Options.Create(options), TimeProvider.System), connection);
    }

    [Theory, MemberData(nameof(StorageContractTests.Providers), MemberType = typeof(StorageContractTests))]
    public async Task A_second_turn_waits_for_the_first_and_gives_up_after_the_wait(string provider)
    {
        // A wait long enough that a stalled test thread on a loaded machine cannot outlast it before the check below.
        var (gate, owned) = await CreateAsync(provider, TimeSpan.FromMilliseconds(1500));
        using var _ = owned;
        var first = await gate.AcquireAsync("emulator/c1");

        await Assert.ThrowsAsync<ConversationBusyException>(() => gate.AcquireAsync("emulator/c1"));
        // Another conversation is not held up.
        await (await gate.AcquireAsync("emulator/c2")).DisposeAsync();

        var waiting = gate.AcquireAsync("emulator/c1");
        await Task.Delay(50);
        Assert.False(waiting.IsCompleted);
        await first.DisposeAsync();
        await (await waiting).DisposeAsync();
    }

    [RedisFact]
    public async Task A_redis_lock_lapses_after_its_lease_and_a_late_release_does_not_free_the_next_holder()
    {
        var server = await redis.GetAsync();
        var (gate, owned) = await CreateAsync(StorageOptions.RedisProvider, TimeSpan.FromSeconds(8), lease: TimeSpan.FromSeconds(2));
        using var _ = owned;
        var crashed = await gate.AcquireAsync("emulator/c1");   // its instance "crashed": not released in time
        var next = await gate.AcquireAsync("emulator/c1");      // taken once the lease lapses
        await crashed.DisposeAsync();                           // a late release must not free 'next'

        var keys = await server.CommandAsync("KEYS", "lock-test-*lock:emulator/c1");
        Assert.Contains("lock:emulator/c1", keys);
        await next.DisposeAsync();
        Assert.DoesNotContain("lock:emulator/c1", await server.CommandAsync("KEYS", "lock-test-*lock:emulator/c1"));
    }
}
