using MagBot.Dialogs.Knowledge;
using MagBot.Service.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;

namespace MagBot.Service.Tests.Teams;

/// <summary>MagBot as Teams sees it: Teams-shaped activities over real HTTP, replies recorded at a connector on loopback.</summary>
public sealed class TeamsBehaviourTests
{
    private const string Disclaimer = "not a substitute for medical advice";

    [Fact]
    public async Task Personal_install_welcomes_once_although_Teams_announces_it_twice()
    {
        await using var connector = await ConnectorRecorder.StartAsync();
        await using var server = await MagBotServer.StartAsync();

        var install = await server.PostActivityAsync(TeamsActivities.InstallationAdd("a:teams-install", connector.ServiceUrl));
        Assert.True(install.IsSuccessStatusCode, $"installationUpdate answered {(int)install.StatusCode}");
        var added = await server.PostActivityAsync(TeamsActivities.BotAdded("a:teams-install", connector.ServiceUrl));
        Assert.True(added.IsSuccessStatusCode, $"conversationUpdate answered {(int)added.StatusCode}");

        var messages = Messages(connector);
        Assert.Single(messages, m => ((string?)m["text"] ?? "").Contains(Disclaimer));
        Assert.All(messages, m => Assert.Equal("a:teams-install", (string?)m["conversation"]?["id"]));
        Assert.Empty(messages.SelectMany(TeamsRules.Problems));
        // Six topics do not fit Teams' three suggested actions: they come as card buttons instead.
        var buttons = messages.SelectMany(m => m["attachments"]?.SelectMany(a => a["content"]?["buttons"] ?? new JArray()) ?? []).Select(b => (string?)b["title"]).ToList();
        Assert.Contains("Check my medications", buttons);
        Assert.Contains("Magnesium and fibromyalgia", buttons);
    }

    public static TheoryData<string> ManifestCommands()
    {
        var manifest = JObject.Parse(File.ReadAllText(Path.Combine(NodeTools.RepositoryRoot(), "deployment", "teams", "manifest.json")));
        var data = new TheoryData<string>();
        foreach (var command in manifest["bots"]![0]!["commandLists"]!.SelectMany(l => l["commands"]!)) data.Add((string)command["title"]!);
        return data;
    }

    [Theory]
    [MemberData(nameof(ManifestCommands))]
    public async Task Each_command_in_the_Teams_manifest_is_understood_and_answered_in_Teams_format(string command)
    {
        await using var connector = await ConnectorRecorder.StartAsync();
        await using var server = await MagBotServer.StartAsync();
        var notUnderstood = server.Services.GetRequiredService<ContentCatalog>().Text("none.reply");

        var response = await server.PostActivityAsync(TeamsActivities.Message("a:teams-command", command, connector.ServiceUrl));
        Assert.True(response.IsSuccessStatusCode, $"{command}: {(int)response.StatusCode}");

        var messages = Messages(connector);
        Assert.NotEmpty(messages);
        Assert.DoesNotContain(messages, m => (string?)m["text"] == notUnderstood);
        Assert.Empty(messages.SelectMany(TeamsRules.Problems));
    }

    [Theory]
    [InlineData("hi")]
    [InlineData("help")]
    [InlineData("what foods have magnesium")]
    [InlineData("amlodipine")]
    [InlineData("I take a water pill and omeprazole")]
    [InlineData("how much magnesium should I take")]
    [InlineData("cancel")]
    [InlineData("start over")]
    [InlineData("<b>bold</b> # not a heading")]
    public async Task Replies_to_what_people_type_keep_to_what_Teams_renders(string text)
    {
        await using var connector = await ConnectorRecorder.StartAsync();
        await using var server = await MagBotServer.StartAsync();

        await server.PostActivityAsync(TeamsActivities.InstallationAdd("a:teams-format", connector.ServiceUrl));
        var response = await server.PostActivityAsync(TeamsActivities.Message("a:teams-format", text, connector.ServiceUrl));
        Assert.True(response.IsSuccessStatusCode, $"{text}: {(int)response.StatusCode}");

        var messages = Messages(connector);
        Assert.True(messages.Count > 3, "the message got no reply");
        Assert.Empty(messages.SelectMany(TeamsRules.Problems));
    }

    private static List<JObject> Messages(ConnectorRecorder connector) =>
        [.. connector.Calls.Select(c => c.Activity).Where(a => (string?)a["type"] == "message")];
}
