using MagBot.Service.Tests.Support;

namespace MagBot.Service.Tests;

/// <summary>Anonymous mode is for development: outside Development the service refuses to start without an app id
/// unless MagBot:AllowAnonymous says the network is trusted.</summary>
public sealed class StartupTests
{
    [Theory]
    [InlineData("Production")]
    [InlineData("Staging")]
    public async Task Without_an_app_id_outside_Development_the_service_refuses_to_start_naming_the_keys(string environment)
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => MagBotServer.StartAsync(environment: environment));
        Assert.Contains("MicrosoftAppId", error.Message);
        Assert.Contains("MagBot:AllowAnonymous", error.Message);
    }

    [Theory]
    [InlineData("Development", null)]
    [InlineData("Production", "true")]
    public async Task Development_or_an_explicit_AllowAnonymous_starts_anonymously(string environment, string? allowAnonymous)
    {
        await using var server = await MagBotServer.StartAsync(
            new Dictionary<string, string?> { ["MagBot:AllowAnonymous"] = allowAnonymous }, environment);
        Assert.NotEmpty(await server.ExpectRepliesAsync("conv-anonymous", "help"));
    }

    [Fact]
    public async Task The_environment_variable_MagBot__AllowAnonymous_is_read()
    {
        Environment.SetEnvironmentVariable("MagBot__AllowAnonymous", "true");
        try
        {
            await using var server = await MagBotServer.StartAsync(environment: "Production");
            Assert.NotEmpty(await server.ExpectRepliesAsync("conv-env", "help"));
        }
        finally
        {
            Environment.SetEnvironmentVariable("MagBot__AllowAnonymous", null);
        }
    }
}
