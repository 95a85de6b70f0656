namespace MagBot.Service.Tests.Support;

/// <summary>One redis-server shared by the tests of a class, started on first use (so a class whose Redis
/// tests are skipped starts nothing) and stopped when the class is done. Tests keep apart by key prefix.</summary>
public sealed class RedisServerFixture : IAsyncLifetime
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private RedisServer? _server;

    public async Task<RedisServer> GetAsync()
    {
        await _gate.WaitAsync();
        try
        {
            return _server ??= await RedisServer.StartAsync();
        }
        finally
        {
            _gate.Release();
        }
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_server is not null) await _server.DisposeAsync();
        _gate.Dispose();
    }
}
