using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace MagBot.Storage;

/// <summary>
/// The conversation lock shared by every instance: <c>SET key token NX PX lease</c>, so only one turn holds a
/// conversation, and a crashed instance's lock lapses after <see cref="StorageOptions.LockLease"/>. Release
/// deletes the key only if it still holds this turn's token (a Lua compare-and-delete), so a turn that
/// outlived its lease cannot free a lock another turn has since taken.
/// </summary>
public sealed class RedisConversationLock(RedisConnection redis, IOptions<StorageOptions> options, TimeProvider time) : IConversationLock
{
    private const string ReleaseScript = """
        if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
        return 0
        """;

    private readonly TimeSpan _lease = options.Value.LockLease;
    private readonly TimeSpan _wait = options.Value.LockWait;

    public async Task<IAsyncDisposable> AcquireAsync(string conversationKey, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(conversationKey);
        RedisKey key = redis.KeyPrefix + "lock:" + conversationKey;
        var token = Guid.NewGuid().ToString("N");
        var deadline = time.GetUtcNow() + _wait;
        var pause = TimeSpan.FromMilliseconds(5);
        while (true)
        {
            if (await redis.RunAsync(db => db.StringSetAsync(key, token, _lease, When.NotExists)).ConfigureAwait(false))
                return new Release(redis, key, token);
            if (time.GetUtcNow() >= deadline)
                throw new ConversationBusyException(_wait);
            // Short, growing pauses with jitter: turns are usually a few milliseconds, and waiters should not
            // retry in lock-step.
            await Task.Delay(pause + TimeSpan.FromMilliseconds(Random.Shared.Next(0, 5)), cancellationToken).ConfigureAwait(false);
            pause = TimeSpan.FromMilliseconds(Math.Min(pause.TotalMilliseconds * 2, 100));
        }
    }

    private sealed class Release(RedisConnection redis, RedisKey key, string token) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            try
            {
                await redis.RunAsync(db => db.ScriptEvaluateAsync(ReleaseScript, [key], [token])).ConfigureAwait(false);
            }
            catch (StorageUnavailableException)
            {
                // Redis went away mid-turn: the lease lapses by itself, and the turn's own error is the one to report.
            }
        }
    }
}
