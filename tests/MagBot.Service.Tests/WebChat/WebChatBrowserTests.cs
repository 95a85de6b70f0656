using MagBot.Service.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace MagBot.Service.Tests.WebChat;

/// <summary>The web chat page in a real browser: headless Chromium, driven by Browser/e2e.mjs, against the real service.
/// In the metrics collection: it reads the like count from /metrics, which counts every service of the process.</summary>
[Collection(nameof(MagBot.Service.Tests.Telemetry.MetricsCollection))]
public sealed class WebChatBrowserTests(ITestOutputHelper output)
{
    [BrowserFact]
    public async Task Page_greets_once_answers_by_keyboard_survives_a_reload_and_a_network_drop_opens_a_citation_counts_a_like_and_starts_a_new_chat_with_no_serious_accessibility_violations()
    {
        var browserDir = Path.Combine(NodeTools.RepositoryRoot(), "tests", "MagBot.Service.Tests", "Browser");
        await NodeTools.NpmCiIfNeededAsync(browserDir);
        await using var server = await MagBotServer.StartAsync(new Dictionary<string, string?>
        {
            ["Clinic:Name"] = "Riverside Pain Clinic",
            ["Clinic:AccentColor"] = "#1d4f91",
            ["Clinic:Phone"] = "+1 555 0100",
            ["Clinic:BookingUrl"] = "https://riverside.example/book",
            ["Telemetry:Prometheus"] = "true",
        }, configure: b => b.Services.AddSingleton<IStartupFilter, StrictContentSecurityPolicy>());
        var screenshot = Path.Combine(browserDir, "screenshots", "webchat.png");
        // The folder is not in git: a fresh clone has none, and File.Delete throws for a missing folder.
        Directory.CreateDirectory(Path.GetDirectoryName(screenshot)!);
        File.Delete(screenshot);

        var result = await NodeTools.RunAsync("node", ["e2e.mjs", server.BaseAddress.ToString(), screenshot], browserDir, TimeSpan.FromMinutes(3),
            new Dictionary<string, string>
            {
                ["MAGBOT_E2E_CLINIC"] = "Riverside Pain Clinic", ["MAGBOT_E2E_MEDICINE"] = "amlodipine", ["MAGBOT_E2E_EXPECT"] = "calcium channel blocker",
                // The migraine topic's first fact cites the NIH ODS fact sheet (migraine.yaml).
                // Reload mid-flow, a network drop, an expired stored token, the "New chat" button.
                ["MAGBOT_E2E_RESUME"] = "1",
                // Then presses the like thumb under that answer and reads the like count from /metrics.
                ["MAGBOT_E2E_FEEDBACK"] = "1",
                ["MAGBOT_E2E_CITATION_TOPIC"] = "Magnesium and migraine", ["MAGBOT_E2E_CITATION_URL"] = "^https://ods\\.od\\.nih\\.gov/factsheets/Magnesium-HealthProfessional/$",
            });
        output.WriteLine(result.Output);

        Assert.True(result.ExitCode == 0, result.Output);
        Assert.Contains("e2e: ok", result.Output);
        Assert.Contains("e2e: medicine", result.Output);
        Assert.Contains("e2e: citation", result.Output);
        Assert.Contains("e2e: feedback", result.Output);
        Assert.Contains("e2e: reload", result.Output);
        Assert.Contains("e2e: network drop", result.Output);
        Assert.Contains("e2e: expired", result.Output);
        Assert.Contains("e2e: new chat", result.Output);
        Assert.DoesNotContain("CSP:", result.Output);
        Assert.True(File.Exists(screenshot) && new FileInfo(screenshot).Length > 10_000, "the screenshot was not saved");
    }
}
