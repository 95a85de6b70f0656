using MagBot.Dialogs.Engine;
using MagBot.Dialogs.Knowledge;
using MagBot.Dialogs.Tests.Support;
using MagBot.Dialogs.Topics;
using Microsoft.Bot.Connector;
using Microsoft.Extensions.DependencyInjection;

namespace MagBot.Dialogs.Tests.Topics;

/// <summary>Every topic can be reached by its button and by typing, shows its facts, names their sources,
/// and ends with 2–3 follow-up buttons that lead to other topics.</summary>
public sealed class TopicReachabilityTests
{
    // (what the user sends, the content key of the first reply it must produce)
    public static TheoryData<string, string> ByButton => new()
    {
        { "Magnesium and fibromyalgia", "fibromyalgia.trial" },
        { "Magnesium and migraine", "migraine.roles" },
        { "How magnesium works", "mechanism.nmda" },
        { "Foods with magnesium", "foods.intro" },
        { "Supplement forms", "forms.oral" },
        { "Testing magnesium levels", "testing.serum" },
        { "How much magnesium?", "amounts.rda.intro" },
        { "Side effects and cautions", "sideeffects.common" },
    };

    // Typed phrasings the placeholder keyword recognizer (and any successor) must not find ambiguous.
    public static TheoryData<string, string> ByTyping => new()
    {
        { "tell me about fibromyalgia", "fibromyalgia.trial" },
        { "magnesium for migraines", "migraine.roles" },
        { "what about the tension type", "migraine.tension.note" },
        { "how does magnesium work", "mechanism.nmda" },
        { "tell me about testing magnesium levels", "testing.serum" },
        { "which foods are rich in magnesium", "foods.intro" },
        { "tell me about magnesium supplement forms", "forms.oral" },
        { "how much magnesium should I take", "amounts.rda.intro" },
        { "what are the side effects", "sideeffects.common" },
    };

    // Specific questions get the fact that answers them first, not the topic's overview (issue 21); these were
    // overview rows above until then.
    public static TheoryData<string, string> BySpecificQuestion => new()
    {
        { "is epsom salt the same as magnesium chloride", "forms.epsom" },
        { "what is the upper limit", "amounts.ul" },
    };

    [Theory]
    [MemberData(nameof(ByButton))]
    [MemberData(nameof(ByTyping))]
    [MemberData(nameof(BySpecificQuestion))]
    public async Task Topic_starts_with_its_first_fact(string message, string firstKey)
    {
        using var conv = new BotConversation();
        var content = conv.Services.GetRequiredService<ContentCatalog>();
        var replies = await conv.SendAsync(message);
        Assert.NotEmpty(replies);
        Assert.StartsWith(content.Text(firstKey), replies[0].Text);
    }

    public static TheoryData<string> InfoTopicIds
    {
        get
        {
            using var conv = new BotConversation();
            return [.. InfoTopics(conv.Services).Select(d => d.Id)];
        }
    }

    [Theory]
    [MemberData(nameof(InfoTopicIds))]
    public async Task Info_topic_shows_facts_then_source_line_with_two_or_three_follow_ups(string dialogId)
    {
        using var conv = new BotConversation(channelId: Channels.Msteams);
        var content = conv.Services.GetRequiredService<ContentCatalog>();
        var dialog = InfoTopics(conv.Services).Single(d => d.Id == dialogId);
        var catalog = conv.Services.GetRequiredService<TopicCatalog>();
        var intent = catalog.Mappings.Single(m => m.Value == dialogId).Key;
        var title = catalog.Buttons.FirstOrDefault(b => b.Intent == intent).TitleKey;
        var replies = await conv.SendAsync(title is not null ? content.Text(title) : TypedFor(dialogId));

        Assert.Equal(dialog.FactKeys.Count + 1, replies.Count);
        var last = replies[^1];
        Assert.StartsWith("_Source: ", last.Text);
        foreach (var id in dialog.FactKeys.SelectMany(k => content.Entry(k).Sources).Distinct())
            Assert.Contains(content.Source(id).Title, last.Text);
        var buttons = last.SuggestedActions?.Actions?.Select(a => a.Title).ToList() ?? [];
        Assert.InRange(buttons.Count, 2, 3);
        var known = catalog.Buttons.Select(b => content.Text(b.TitleKey)).ToHashSet();
        Assert.All(buttons, b => Assert.Contains(b, known));
    }

    [Fact]
    public void Every_topic_intent_is_mapped_to_a_registered_dialog_with_a_title()
    {
        using var conv = new BotConversation();
        var catalog = conv.Services.GetRequiredService<TopicCatalog>();
        var dialogs = conv.Services.GetRequiredService<DialogSet>();
        var content = conv.Services.GetRequiredService<ContentCatalog>();
        string[] intents = ["fibromyalgia", "migraine", "tension_headache", "mechanism", "testing", "foods", "supplement_forms", "amounts", "side_effects"];
        foreach (var intent in intents)
        {
            var id = catalog.DialogFor(intent);
            Assert.NotNull(id);
            var dialog = dialogs.Find(id!);
            Assert.NotNull(dialog.TitleKey);
            Assert.True(content.Contains(dialog.TitleKey!), $"{id} has title key {dialog.TitleKey}, which no content file defines.");
        }
    }

    [Fact]
    public async Task Side_effects_ends_with_find_a_provider_and_fills_emergency_numbers()
    {
        using var conv = new BotConversation(new Dictionary<string, string?> { ["Clinic:PoisonControl"] = "0800 POISON" });
        var replies = await conv.SendAsync("Side effects and cautions");
        Assert.Equal("Find a provider", replies[^1].SuggestedActions.Actions[0].Title);
        Assert.Contains("0800 POISON", replies.AllText());
        Assert.DoesNotContain("{", replies.AllText());
    }

    [Fact]
    public async Task Follow_up_button_leads_to_the_next_topic()
    {
        using var conv = new BotConversation();
        var content = conv.Services.GetRequiredService<ContentCatalog>();
        var fibro = await conv.SendAsync("Magnesium and fibromyalgia");
        var next = fibro[^1].SuggestedActions.Actions[0].Title;
        Assert.Equal(content.Text("menu.mechanism"), next);
        var replies = await conv.SendAsync(next);
        Assert.Equal(content.Text("mechanism.nmda"), replies[0].Text);
    }

    private static string TypedFor(string dialogId) => dialogId switch
    {
        "topic.tension_headache" => "what about the tension type",
        _ => throw new ArgumentOutOfRangeException(nameof(dialogId), dialogId, "No typed phrasing for this topic."),
    };

    private static List<InfoTopicDialog> InfoTopics(IServiceProvider services) =>
        [.. services.GetRequiredService<DialogSet>().All.OfType<InfoTopicDialog>()];
}
