using System.Net;
using MagBot.Service.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Newtonsoft.Json.Linq;

namespace MagBot.Service.Tests.Storage;

/// <summary>Storage settings are checked when the service starts, and a bad one is named.</summary>
public sealed class StorageConfigurationTests
{
    public static TheoryData<string, string?, string> BadSettings() => new()
    {
        { "Storage:Provider", "Cassandra", "Storage:Provider" },
        { "Storage:Retention", "-00:10:00", "Storage:Retention" },
        { "Storage:Retention", "00:00:00", "Storage:Retention" },
        { "Storage:MaxItems", "0", "Storage:MaxItems" },
        { "Storage:MaxMemoryMB", "0", "Storage:MaxMemoryMB" },
        { "Storage:MaxMemoryMB", "0.5", "Storage:MaxMemoryMB" },
        { "Storage:MaxMemoryMB", "268435456", "Storage:MaxMemoryMB" },
        { "Storage:LockWait", "00:00:00", "Storage:LockWait" },
    };

    [Theory, MemberData(nameof(BadSettings))]
    public async Task A_bad_storage_setting_fails_start_up_naming_the_key(string key, string? value, string named)
    {
        var e = await Assert.ThrowsAsync<OptionsValidationException>(() => MagBotServer.StartAsync(new Dictionary<string, string?> { [key] = value }));
        Assert.Contains(named, e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(",,,")]
    public async Task Redis_without_a_usable_connection_string_fails_start_up_naming_ConnectionStrings_Redis(string? connectionString)
    {
        var e = await Assert.ThrowsAsync<OptionsValidationException>(() => MagBotServer.StartAsync(new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "Redis",
            ["ConnectionStrings:Redis"] = connectionString,
        }));
        Assert.Contains("ConnectionStrings:Redis", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("30.00:00:00", "04:00:00", 30 * 24)]
    [InlineData("01:00:00", "04:00:00", 4)] // never shorter than a conversation's own period
    public async Task The_clinics_kept_questions_live_for_Insights_Retention_not_the_conversation_period(string insights, string storage, int hours)
    {
        await using var server = await MagBotServer.StartAsync(new Dictionary<string, string?> { ["Insights:Retention"] = insights, ["Storage:Retention"] = storage });
        var options = server.Services.GetRequiredService<IOptions<MagBot.Storage.StorageOptions>>().Value;
        Assert.Equal(TimeSpan.FromHours(hours), options.RetentionFor(MagBot.Dialogs.Insights.InsightStore.StorageKey));
        Assert.Equal(TimeSpan.Parse(storage, System.Globalization.CultureInfo.InvariantCulture), options.RetentionFor("emulator/conversations/abc"));
    }

    [Fact]
    public async Task Healthz_reports_the_memory_store_as_ok()
    {
        await using var server = await MagBotServer.StartAsync();
        var response = await server.Client.GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JObject.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("ok", (string?)body["status"]);
        Assert.Equal("ok", (string?)body["storage"]);
        Assert.Equal("Memory", (string?)body["provider"]);
        Assert.Equal(0, (long?)body["evictions"]);
        Assert.Equal(256L * 1024 * 1024, (long?)body["budgetBytes"]);
    }

    [Fact]
    public async Task Redis_that_is_not_running_at_start_up_does_not_stop_the_service_and_healthz_says_degraded()
    {
        await using var server = await MagBotServer.StartAsync(new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "Redis",
            ["ConnectionStrings:Redis"] = "127.0.0.1:1",
        });
        var started = DateTime.UtcNow;
        var response = await server.Client.GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("unavailable", (string?)JObject.Parse(await response.Content.ReadAsStringAsync())["storage"]);
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(6), "the health probe must not hang on Redis");
    }
}
