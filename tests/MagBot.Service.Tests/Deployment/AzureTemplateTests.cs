using MagBot.Service.Tests.Support;
using Newtonsoft.Json.Linq;

namespace MagBot.Service.Tests.Deployment;

/// <summary>deployment/azure/main.bicep compiles with the real Bicep CLI and describes what MagBot needs.</summary>
public sealed class AzureTemplateTests
{
    private static readonly Lazy<Task<(BicepCli.Result Result, JObject Template)>> Compiled = new(async () =>
    {
        var result = await BicepCli.RunAsync(Path.Combine(RepositoryRoot.Path, "deployment", "azure"), "build", "--stdout", "main.bicep");
        var template = result.ExitCode == 0 ? JObject.Parse(result.StandardOutput) : new JObject();
        return (result, template);
    });

    /// <summary>Every resource, including those inside the modules' nested deployments.</summary>
    private static IEnumerable<JObject> Resources(JObject template)
    {
        var resources = template["resources"] switch
        {
            JArray a => a.Children<JObject>(),
            JObject o => o.Properties().Select(p => (JObject)p.Value),
            _ => [],
        };
        foreach (var r in resources)
        {
            yield return r;
            if ((string?)r["type"] == "Microsoft.Resources/deployments" && r["properties"]?["template"] is JObject nested)
                foreach (var inner in Resources(nested)) yield return inner;
        }
    }

    private static async Task<List<JObject>> CompiledResourcesAsync()
    {
        var (result, template) = await Compiled.Value;
        Assert.True(result.ExitCode == 0, $"bicep build failed ({result.ExitCode}):\n{result.StandardError}");
        return [.. Resources(template)];
    }

    private static JObject Single(List<JObject> resources, string type) =>
        Assert.Single(resources, r => (string?)r["type"] == type);

    [Fact]
    public async Task Main_bicep_compiles_without_errors_or_warnings()
    {
        var (result, _) = await Compiled.Value;
        Assert.True(result.ExitCode == 0, $"bicep build exited {result.ExitCode}:\n{result.StandardError}");
        Assert.DoesNotContain("Error", result.StandardError, StringComparison.Ordinal);
        Assert.DoesNotContain("Warning", result.StandardError, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Microsoft.BotService/botServices")]
    [InlineData("Microsoft.BotService/botServices/channels")]
    [InlineData("Microsoft.Web/serverfarms")]
    [InlineData("Microsoft.Web/sites")]
    [InlineData("Microsoft.Web/sites/config")]
    [InlineData("Microsoft.Cache/redis")]
    [InlineData("Microsoft.ManagedIdentity/userAssignedIdentities")]
    public async Task The_template_creates(string resourceType)
    {
        Assert.Contains(await CompiledResourcesAsync(), r => (string?)r["type"] == resourceType);
    }

    [Fact]
    public async Task The_web_app_runs_dotnet_10_on_linux_always_on_and_health_checked_at_healthz()
    {
        var site = Single(await CompiledResourcesAsync(), "Microsoft.Web/sites");
        var config = site["properties"]!["siteConfig"]!;
        Assert.Equal("DOTNETCORE|10.0", (string?)config["linuxFxVersion"]);
        Assert.True((bool?)config["alwaysOn"]);
        Assert.Equal("/healthz", (string?)config["healthCheckPath"]);
        Assert.True((bool?)site["properties"]!["httpsOnly"]);
        Assert.Equal("1.2", (string?)config["minTlsVersion"]);
    }

    [Fact]
    public async Task The_bot_has_the_Teams_and_Direct_Line_channels_and_no_multi_tenant_identity()
    {
        var resources = await CompiledResourcesAsync();
        var channels = resources.Where(r => (string?)r["type"] == "Microsoft.BotService/botServices/channels")
            .Select(r => (string?)r["properties"]!["channelName"]).ToList();
        Assert.Contains("MsTeamsChannel", channels);
        Assert.Contains("DirectLineChannel", channels);
        var bot = Single(resources, "Microsoft.BotService/botServices");
        Assert.Equal("azurebot", (string?)bot["kind"]);
        Assert.Contains("appType", bot["properties"]!["msaAppType"]!.ToString(), StringComparison.Ordinal);
        var (_, template) = await Compiled.Value;
        var allowed = template["parameters"]!["botIdentityType"]!["allowedValues"]!.Values<string>().ToList();
        Assert.Equal(["UserAssignedMSI", "SingleTenant"], allowed);
    }

    [Theory]
    [InlineData("Storage__Provider")]
    [InlineData("ConnectionStrings__Redis")]
    [InlineData("MicrosoftAppType")]
    [InlineData("MicrosoftAppId")]
    [InlineData("MicrosoftAppTenantId")]
    [InlineData("Clinic__Name")]
    [InlineData("Clinic__EmergencyNumber")]
    [InlineData("DirectLine__Secret")]
    public async Task The_app_settings_include(string key)
    {
        var resources = await CompiledResourcesAsync();
        // Plain settings come from main.bicep as the app module's 'settings' parameter; secrets are added in the module.
        var app = Assert.Single(resources, r => (string?)r["type"] == "Microsoft.Resources/deployments" && (string?)r["name"] == "app");
        var plain = (JObject)app["properties"]!["parameters"]!["settings"]!["value"]!;
        var config = Single(resources, "Microsoft.Web/sites/config")["properties"]!.ToString();
        Assert.True(plain.ContainsKey(key) || config.Contains($"'{key}'", StringComparison.Ordinal), $"{key} is not set on the web app");
    }

    [Fact]
    public async Task The_web_app_stores_state_in_redis()
    {
        var resources = await CompiledResourcesAsync();
        var app = Assert.Single(resources, r => (string?)r["type"] == "Microsoft.Resources/deployments" && (string?)r["name"] == "app");
        Assert.Equal("Redis", (string?)app["properties"]!["parameters"]!["settings"]!["value"]!["Storage__Provider"]);
    }

    [Fact]
    public async Task Redis_accepts_only_tls_connections()
    {
        var cache = Single(await CompiledResourcesAsync(), "Microsoft.Cache/redis");
        Assert.False((bool?)cache["properties"]!["enableNonSslPort"]);
        Assert.Equal("1.2", (string?)cache["properties"]!["minimumTlsVersion"]);
    }
}
