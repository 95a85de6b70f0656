using MagBot.Storage;

namespace MagBot.Extensions;

/// <summary>Starts connecting to Redis when the service starts (without waiting for it), so the first turns
/// find a connection instead of all queueing behind its set-up.</summary>
public sealed class RedisConnectOnStart(RedisConnection redis) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        GC.KeepAlive(redis);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
