using System.IO.Compression;
using MagBot.Service.Tests.Support;
using Newtonsoft.Json.Linq;

namespace MagBot.Service.Tests.Teams;

/// <summary>deployment/teams: the package script, the manifest against the official schema (offline), and the icons.</summary>
public sealed class TeamsPackageTests : IAsyncLifetime
{
    private const string BotId = "3f2504e0-4f89-11d3-9a0c-0305e82c3301";
    private readonly string _teamsDir = Path.Combine(NodeTools.RepositoryRoot(), "deployment", "teams");
    private readonly string _out = Path.Combine(Path.GetTempPath(), "magbot-teams-" + Guid.NewGuid().ToString("N"));

    public async Task InitializeAsync()
    {
        if (NodeTools.SkipReason(needsChromium: false) is null) await NodeTools.NpmCiIfNeededAsync(_teamsDir);
    }

    public Task DisposeAsync()
    {
        if (Directory.Exists(_out)) Directory.Delete(_out, recursive: true);
        return Task.CompletedTask;
    }

    [NodeFact]
    public async Task Package_has_the_filled_manifest_and_both_icons_at_the_zip_root_and_validates_against_the_official_schema()
    {
        var result = await BuildAsync("--bot-id", BotId, "--domain", "magbot.example-clinic.org");

        Assert.True(result.ExitCode == 0, result.Output);
        Assert.Contains("manifest valid against schema v1.22", result.Output);
        using var package = ZipFile.OpenRead(Path.Combine(_out, "magbot-teams.zip"));
        Assert.Equal(["color.png", "manifest.json", "outline.png"], package.Entries.Select(e => e.FullName).Order());
        var manifest = JObject.Parse(await new StreamReader(package.GetEntry("manifest.json")!.Open()).ReadToEndAsync());
        Assert.Equal(BotId, (string?)manifest["id"]);
        Assert.Equal(BotId, (string?)manifest["bots"]![0]!["botId"]);
        Assert.Equal(["personal"], manifest["bots"]![0]!["scopes"]!.Select(s => (string)s!));
        Assert.Equal(["magbot.example-clinic.org"], manifest["validDomains"]!.Select(s => (string)s!));
        Assert.DoesNotContain("{{", manifest.ToString());
    }

    [NodeFact]
    public async Task Validator_rejects_the_template_with_its_placeholders_unfilled()
    {
        var result = await NodeTools.RunAsync("node", ["validate-manifest.mjs", "manifest.json"], _teamsDir, TimeSpan.FromMinutes(1));
        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("/id must match pattern", result.Output);
        Assert.Contains("placeholders left unfilled", result.Output);
    }

    [NodeFact]
    public async Task Build_refuses_a_bot_id_that_is_not_a_guid()
    {
        var result = await BuildAsync("--bot-id", "my-bot", "--domain", "magbot.example-clinic.org");
        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("--bot-id", result.Output);
        Assert.False(File.Exists(Path.Combine(_out, "magbot-teams.zip")));
    }

    [NodeFact]
    public async Task Icons_have_the_sizes_Teams_requires_and_the_outline_is_white_on_transparent()
    {
        Assert.Equal(0, (await BuildAsync("--bot-id", BotId, "--domain", "magbot.example-clinic.org")).ExitCode);
        var color = PngImage.Read(await File.ReadAllBytesAsync(Path.Combine(_out, "color.png")));
        var outline = PngImage.Read(await File.ReadAllBytesAsync(Path.Combine(_out, "outline.png")));

        Assert.Equal((192, 192), (color.Width, color.Height));
        Assert.All(color.Pixels(), p => Assert.Equal(255, p.A));
        Assert.Equal((32, 32), (outline.Width, outline.Height));
        Assert.All(outline.Pixels(), p => Assert.True(p.A == 0 || (p.R, p.G, p.B) == (255, 255, 255), $"outline pixel {p} is neither white nor transparent"));
        Assert.Contains(outline.Pixels(), p => p.A == 0);
        Assert.Contains(outline.Pixels(), p => p.A == 255);

        // The icons committed next to the manifest are the ones the script draws.
        Assert.Equal(color.Rgba, PngImage.Read(await File.ReadAllBytesAsync(Path.Combine(_teamsDir, "color.png"))).Rgba);
        Assert.Equal(outline.Rgba, PngImage.Read(await File.ReadAllBytesAsync(Path.Combine(_teamsDir, "outline.png"))).Rgba);
    }

    private Task<NodeTools.ProcessResult> BuildAsync(params string[] args) =>
        NodeTools.RunAsync("node", ["build-package.mjs", .. args, "--out", _out], _teamsDir, TimeSpan.FromMinutes(1));
}
