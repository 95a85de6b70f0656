using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace MagBot.Storage;

/// <summary>
/// The one Redis connection of the process. It never blocks start-up and never waits long for Redis: connect
/// and command timeouts are <see cref="StorageOptions.RedisTimeout"/>, a command issued while disconnected waits
/// at most that long for a reconnect (a blip passes unnoticed, an outage fails the turn quickly), and the
/// multiplexer reconnects by itself when Redis comes back.
/// </summary>
public sealed class RedisConnection : IDisposable
{
    private readonly Task<ConnectionMultiplexer> _multiplexer;

    public RedisConnection(IOptions<StorageOptions> options, ILogger<RedisConnection> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        var o = options.Value;
        KeyPrefix = o.KeyPrefix;
        Timeout = o.RedisTimeout;
        if (!TryParse(o.RedisConnectionString, out var config))
            throw new InvalidOperationException($"{StorageOptions.RedisConnectionStringKey} is missing or invalid.");
        var ms = (int)Math.Clamp(o.RedisTimeout.TotalMilliseconds, 100, int.MaxValue);
        config.AbortOnConnectFail = false;
        config.ConnectTimeout = ms;
        config.SyncTimeout = ms;
        config.AsyncTimeout = ms;
        config.ConnectRetry = 1;
        config.ReconnectRetryPolicy = new LinearRetry(500);
        // Connecting starts now, asynchronously: turns that arrive meanwhile wait for it (bounded by the
        // timeout) instead of blocking thread-pool threads on a synchronous connect.
        _multiplexer = ConnectAsync(config, logger);
    }

    private static async Task<ConnectionMultiplexer> ConnectAsync(ConfigurationOptions config, ILogger logger)
    {
        var m = await ConnectionMultiplexer.ConnectAsync(config).ConfigureAwait(false);
        // Event names only: the endpoint may carry a host name, never a password (that is not in EndPoint).
        m.ConnectionFailed += (_, e) => logger.LogWarning("Redis connection lost ({FailureType})", e.FailureType);
        m.ConnectionRestored += (_, e) => logger.LogInformation("Redis connection restored");
        if (!m.IsConnected) logger.LogWarning("Redis is not reachable yet; retrying in the background");
        return m;
    }

    public string KeyPrefix { get; }

    public TimeSpan Timeout { get; }

    /// <summary>Parses a StackExchange.Redis connection string; false (not an exception) when it is empty or malformed.</summary>
    public static bool TryParse(string? connectionString, out ConfigurationOptions options)
    {
        options = new ConfigurationOptions();
        if (string.IsNullOrWhiteSpace(connectionString)) return false;
        try
        {
            options = ConfigurationOptions.Parse(connectionString);
            return options.EndPoints.Count > 0;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    /// <summary>Runs a Redis command and turns every way Redis can fail into one clear <see cref="StorageUnavailableException"/>.</summary>
    public async Task<T> RunAsync<T>(Func<IDatabase, Task<T>> command)
    {
        ArgumentNullException.ThrowIfNull(command);
        try
        {
            var multiplexer = await _multiplexer.WaitAsync(Timeout).ConfigureAwait(false);
            return await command(multiplexer.GetDatabase()).ConfigureAwait(false);
        }
        catch (Exception e) when (e is RedisConnectionException or TimeoutException or ObjectDisposedException)
        {
            throw new StorageUnavailableException($"Redis did not answer within {Timeout.TotalSeconds:0.#} s ({e.GetType().Name}); conversation state is unavailable until it returns.", e);
        }
    }

    public void Dispose()
    {
        if (_multiplexer.IsCompletedSuccessfully) _multiplexer.Result.Dispose();
    }
}
