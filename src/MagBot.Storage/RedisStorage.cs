using Microsoft.Bot.Builder;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace MagBot.Storage;

/// <summary>
/// Bot Framework state in Redis, shared by every instance of MagBot. Each item is a hash of its JSON
/// (<c>j</c>) and its ETag (<c>e</c>) under <see cref="StorageOptions.KeyPrefix"/> + the Bot Framework key.
/// Writes are one Lua script, so the ETag check and the write are atomic across instances: a stale ETag
/// fails with <see cref="ETagConflictException"/>, <c>*</c> or none overwrites, and a batch with one stale
/// item writes nothing. Reads and writes restart the item's expiry (<see cref="StorageOptions.Retention"/>).
/// Redis down or slow surfaces as <see cref="StorageUnavailableException"/> within the configured timeout.
/// </summary>
public sealed class RedisStorage(RedisConnection redis, IOptions<StorageOptions> options) : IStorage, IStorageHealth
{
    // KEYS: the items. ARGV per item: expected ETag ('' or '*' = any), new ETag, JSON, expiry in ms.
    // Returns 0, or the 1-based index of the first item whose ETag is stale (then nothing was written).
    private const string WriteScript = """
        for i = 1, #KEYS do
          local expected = ARGV[1 + (i - 1) * 4]
          if expected ~= '' and expected ~= '*' then
            local current = redis.call('HGET', KEYS[i], 'e')
            if current and current ~= expected then return i end
          end
        end
        for i = 1, #KEYS do
          local base = 1 + (i - 1) * 4
          redis.call('HSET', KEYS[i], 'e', ARGV[base + 1], 'j', ARGV[base + 2])
          redis.call('PEXPIRE', KEYS[i], tonumber(ARGV[base + 3]))
        end
        return 0
        """;

    // KEYS: the items. ARGV[i]: item i's expiry in ms. Returns ETag and JSON per item (nil, nil when absent) and
    // restarts the expiry of each item found: reading a conversation keeps it alive.
    private const string ReadScript = """
        local out = {}
        for i = 1, #KEYS do
          local v = redis.call('HMGET', KEYS[i], 'e', 'j')
          if v[1] then redis.call('PEXPIRE', KEYS[i], ARGV[i]) end
          out[2 * i - 1] = v[1]
          out[2 * i] = v[2]
        end
        return out
        """;

    private long TtlMs(string key) => (long)options.Value.RetentionFor(key).TotalMilliseconds;

    public string Provider => StorageOptions.RedisProvider;

    public async Task<IDictionary<string, object>> ReadAsync(string[] keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var result = new Dictionary<string, object>(keys.Length);
        if (keys.Length == 0) return result;
        var reply = await redis.RunAsync(db => db.ScriptEvaluateAsync(ReadScript, RedisKeys(keys), [.. keys.Select(k => (RedisValue)TtlMs(k))])).ConfigureAwait(false);
        var values = (RedisResult[])reply!;
        for (var i = 0; i < keys.Length; i++)
        {
            var etag = values[2 * i];
            var text = values[2 * i + 1];
            if (etag.IsNull || text.IsNull) continue;
            result[keys[i]] = StoreItemJson.DeserializeProperties((string)text!, (string)etag!);
        }
        return result;
    }

    public async Task WriteAsync(IDictionary<string, object> changes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(changes);
        if (changes.Count == 0) return;
        var keys = changes.Keys.ToArray();
        var args = new RedisValue[keys.Length * 4];
        for (var i = 0; i < keys.Length; i++)
        {
            var value = changes[keys[i]];
            args[i * 4] = StoreItemJson.ExpectedETag(value) ?? string.Empty;
            args[1 + i * 4] = Guid.NewGuid().ToString("N");
            args[2 + i * 4] = StoreItemJson.SerializeForStore(value);
            args[3 + i * 4] = TtlMs(keys[i]);
        }
        var stale = (long)(await redis.RunAsync(db => db.ScriptEvaluateAsync(WriteScript, RedisKeys(keys), args)).ConfigureAwait(false))!;
        if (stale > 0) throw StoreItemJson.Conflict(keys[stale - 1]);
    }

    public async Task DeleteAsync(string[] keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        if (keys.Length == 0) return;
        await redis.RunAsync(db => db.KeyDeleteAsync(RedisKeys(keys))).ConfigureAwait(false);
    }

    public async Task<bool> IsAvailableAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            await redis.RunAsync(db => db.PingAsync()).ConfigureAwait(false);
            return true;
        }
        catch (StorageUnavailableException)
        {
            return false;
        }
    }

    private RedisKey[] RedisKeys(string[] keys) => [.. keys.Select(k => (RedisKey)(redis.KeyPrefix + k))];
}
