using System.Net;
using System.Text.RegularExpressions;
using MagBot.Service.Tests.Support;
using Newtonsoft.Json.Linq;

namespace MagBot.Service.Tests.WebChat;

/// <summary>The page's files and configuration, over HTTP (the browser test walks the page itself).</summary>
public sealed partial class WebChatPageTests
{
    [Fact]
    public async Task The_page_and_the_Web_Chat_bundle_are_served_by_the_service_itself()
    {
        await using var server = await MagBotServer.StartAsync();
        var page = await server.Client.GetStringAsync("/");
        var bundle = await server.Client.GetAsync("/lib/webchat.js");

        Assert.Contains("lib/webchat.js", page);
        Assert.Equal(HttpStatusCode.OK, bundle.StatusCode);
        Assert.True(bundle.Content.Headers.ContentLength > 1_000_000, "dist/webchat.js is the full bundle (several MB)");
        Assert.Contains("botframework-webchat", await bundle.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_page_loads_nothing_from_elsewhere_and_has_no_inline_script_or_style()
    {
        await using var server = await MagBotServer.StartAsync();
        var page = await server.Client.GetStringAsync("/");

        Assert.DoesNotMatch(ExternalReference(), page);
        Assert.DoesNotMatch(InlineScript(), page);
        Assert.DoesNotContain("<style", page);
        Assert.DoesNotContain(" style=", page);
        Assert.DoesNotMatch(InlineHandler(), page);
    }

    [Fact]
    public async Task Config_carries_the_clinic_branding_and_embedded_mode_without_a_secret()
    {
        await using var server = await MagBotServer.StartAsync(new Dictionary<string, string?>
        {
            ["Clinic:Name"] = "Riverside Pain Clinic",
            ["Clinic:AccentColor"] = "#1d4f91",
            ["Clinic:AvatarInitials"] = "RP",
            ["Clinic:EmergencyNumber"] = "112",
            ["Clinic:Phone"] = "+44 20 7946 0000",
            ["Clinic:WelcomeLine"] = "Our nurses answer messages on weekdays.",
        });

        var config = JObject.Parse(await server.Client.GetStringAsync("/api/webchat/config"));

        Assert.Equal("embedded", (string?)config["mode"]);
        Assert.Equal(new Uri(server.BaseAddress, "/v3/directline").ToString().TrimEnd('/'), (string?)config["directLineDomain"]);
        var clinic = config["clinic"]!;
        Assert.Equal("Riverside Pain Clinic", (string?)clinic["name"]);
        Assert.Equal("#1d4f91", (string?)clinic["accentColor"]);
        Assert.Equal("RP", (string?)clinic["avatarInitials"]);
        Assert.Equal("112", (string?)clinic["emergencyNumber"]);
        Assert.Equal("+44 20 7946 0000", (string?)clinic["phone"]);
        Assert.Equal("Our nurses answer messages on weekdays.", (string?)clinic["welcomeLine"]);
    }

    [Theory]
    [InlineData("Clinic:AccentColor", "red;background:url(x)", "Clinic:AccentColor")]
    [InlineData("Clinic:AvatarInitials", "TOOLONG", "Clinic:AvatarInitials")]
    [InlineData("MagBot:ClinicOrigins:0", "https://clinic.example/chat", "MagBot:ClinicOrigins")]
    [InlineData("DirectLine:BaseUrl", "not a url", "BaseUrl")]
    public async Task Bad_web_chat_settings_fail_start_up_naming_the_key(string key, string value, string named)
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(async () =>
        {
            await using var server = await MagBotServer.StartAsync(new Dictionary<string, string?> { [key] = value });
        });
        Assert.Contains(named, error.Message);
    }

    [GeneratedRegex("""(src|href)\s*=\s*["']?(https?:)?//""", RegexOptions.IgnoreCase)]
    private static partial Regex ExternalReference();

    [GeneratedRegex("""<script(?![^>]*\bsrc=)[^>]*>""", RegexOptions.IgnoreCase)]
    private static partial Regex InlineScript();

    [GeneratedRegex("""\son[a-z]+\s*=""", RegexOptions.IgnoreCase)]
    private static partial Regex InlineHandler();
}
