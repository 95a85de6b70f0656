namespace MagBot.Service.Tests.Support;

/// <summary>One anonymous service (Development) shared by the rows of a table-driven test class.</summary>
public sealed class ServerFixture : IAsyncLifetime
{
    public MagBotServer Server { get; private set; } = null!;

    public async Task InitializeAsync() => Server = await MagBotServer.StartAsync();

    public async Task DisposeAsync() => await Server.DisposeAsync();
}
