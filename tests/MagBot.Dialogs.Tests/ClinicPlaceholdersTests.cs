using System.Text.RegularExpressions;
using MagBot.Dialogs.Knowledge;
using MagBot.Dialogs.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace MagBot.Dialogs.Tests;

/// <summary>The clinic's placeholders ({clinicName}, {clinicPhone}, {emergencyNumber}…) are built in one place,
/// <see cref="ClinicOptions.Placeholders"/>, so a new placeholder or a changed default reaches every wording at once.</summary>
public sealed partial class ClinicPlaceholdersTests
{
    [Fact]
    public void Only_ClinicOptions_builds_the_clinic_placeholders()
    {
        var files = Directory.EnumerateFiles(Path.Combine(RepoPaths.Root, "dialogs"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(f => Path.GetRelativePath(RepoPaths.Root, f).Replace('\\', '/'))
            .ToList();
        var builders = files.Where(f => BuildsPlaceholders(File.ReadAllText(Path.Combine(RepoPaths.Root, f)))).ToList();

        Assert.Contains("dialogs/ClinicOptions.cs", builders);
        var copies = builders.Where(f => f != "dialogs/ClinicOptions.cs").ToList();
        Assert.True(copies.Count == 0, "Build the clinic placeholders with ClinicOptions.Placeholders(), not again in:\n" + string.Join("\n", copies));
    }

    [Theory]
    [InlineData("[\"emergencyNumber\"] = clinic.EmergencyNumber,", true)]
    [InlineData("[\"clinicPhone\"]=Phone", true)]
    [InlineData("var args = clinic.Value.Placeholders();", false)]
    [InlineData("text: \"call {emergencyNumber}\"", false)]
    public void The_check_finds_a_placeholder_set_built_by_hand(string code, bool found) =>
        Assert.Equal(found, BuildsPlaceholders(code));

    [Fact]
    public async Task The_provider_topic_shows_the_configured_clinic_and_emergency_number()
    {
        using var conv = new BotConversation(new Dictionary<string, string?>
        {
            ["Clinic:Name"] = "Riverside Pain Clinic",
            ["Clinic:Phone"] = "+1 555 0100",
            ["Clinic:EmergencyNumber"] = "112",
        });
        await conv.JoinAsync();
        var replies = await conv.SendAsync(conv.Services.GetRequiredService<ContentCatalog>().Text("menu.provider"));

        var text = replies.AllText();
        Assert.Contains("Riverside Pain Clinic", text);
        Assert.Contains("+1 555 0100", text);
        Assert.Contains("call 112", text);
        Assert.DoesNotContain("911", text);
    }

    private static bool BuildsPlaceholders(string code) => PlaceholderEntry().IsMatch(code);

    [GeneratedRegex(@"\[""(clinicName|clinicPhone|bookingUrl|emergencyNumber|crisisLine|poisonControl|termsUrl|privacyUrl|clinicContact)""\]\s*=")]
    private static partial Regex PlaceholderEntry();
}
