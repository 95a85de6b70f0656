using MagBot.Service.Tests.Support;

namespace MagBot.Service.Tests.Security;

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

    [Theory]
    [InlineData("MagBot:AllowedServiceUrls:0", "not a url", "MagBot:AllowedServiceUrls")]
    [InlineData("MagBot:AllowedServiceUrls:0", "ftp://channel.example/", "MagBot:AllowedServiceUrls")]
    [InlineData("MagBot:Limits:MaxBodyBytes", "10", "MaxBodyBytes")]
    [InlineData("MagBot:Limits:TurnsPerConversation", "0", "TurnsPerConversation")]
    [InlineData("MagBot:ChannelRetry:MaxRetries", "50", "MaxRetries")]
    public async Task A_bad_edge_setting_stops_the_start_naming_the_key(string key, string value, string named)
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(() => MagBotServer.StartAsync(new Dictionary<string, string?> { [key] = value }));
        Assert.Contains(named, error.Message);
    }
}
