using MagBot.Dialogs.Tests.Support;
using Microsoft.Bot.Connector;
using Microsoft.Bot.Schema;

namespace MagBot.Dialogs.Tests.Bot;

public sealed class WelcomeTests
{
    private static readonly string[] TopicButtons =
    [
        "Magnesium and fibromyalgia", "Magnesium and migraine", "How magnesium works",
        "Foods with magnesium", "Supplement forms", "Check my medications",
    ];

    [Fact]
    public async Task Welcome_on_join_has_disclaimer_and_topic_buttons()
    {
        using var conv = new BotConversation();
        var replies = await conv.JoinAsync();
        var text = replies.AllText();
        Assert.Contains("MagBot", text);
        Assert.Contains("not a substitute for medical advice", text);
        Assert.Equal(TopicButtons, replies.AllButtons());
    }

    [Fact]
    public async Task Welcome_is_sent_once_when_channel_announces_join_twice()
    {
        using var conv = new BotConversation();
        Assert.NotEmpty(await conv.JoinAsync());
        Assert.Empty(await conv.SendActivityAsync(new Activity { Type = ActivityTypes.Event, Name = "webchat/join" }));
    }

    [Fact]
    public async Task Webchat_join_event_greets()
    {
        using var conv = new BotConversation();
        var replies = await conv.SendActivityAsync(new Activity { Type = ActivityTypes.Event, Name = "webchat/join" });
        Assert.Contains("not a substitute for medical advice", replies.AllText());
    }

    [Fact]
    public async Task Bot_joining_alone_is_not_greeted_outside_teams()
    {
        using var conv = new BotConversation();
        var join = new Activity { Type = ActivityTypes.ConversationUpdate, MembersAdded = [conv.Adapter.Conversation.Bot] };
        Assert.Empty(await conv.SendActivityAsync(join));
    }

    [Fact]
    public async Task Teams_personal_install_greets_with_at_most_three_suggested_actions()
    {
        using var conv = new BotConversation(channelId: Channels.Msteams);
        var install = new Activity { Type = ActivityTypes.InstallationUpdate, Action = "add" };
        var replies = await conv.SendActivityAsync(install);
        Assert.Contains("not a substitute for medical advice", replies.AllText());
        Assert.All(replies, r => Assert.True((r.SuggestedActions?.Actions?.Count ?? 0) <= 3));
        Assert.Equal(TopicButtons, replies.AllButtons());
    }

    [Fact]
    public async Task Clinic_name_from_configuration_appears_in_greeting()
    {
        using var conv = new BotConversation(new Dictionary<string, string?> { ["Clinic:Name"] = "Riverside Pain Clinic" });
        var replies = await conv.JoinAsync();
        Assert.Contains("Riverside Pain Clinic", replies.AllText());
    }
}
