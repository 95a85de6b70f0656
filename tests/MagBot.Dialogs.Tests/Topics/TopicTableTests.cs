using MagBot.Dialogs.Engine;
using MagBot.Dialogs.Knowledge;
using MagBot.Dialogs.Tests.Support;
using MagBot.Dialogs.Topics;
using Microsoft.Extensions.DependencyInjection;

namespace MagBot.Dialogs.Tests.Topics;

/// <summary>Adding an information topic is one entry in the topic table: a table loaded from a test file gives a topic
/// that is in the menu, answers with its facts and sources, and leads on with its follow-ups. The table is checked as it loads.</summary>
public sealed class TopicTableTests
{
    private static readonly ContentCatalog Content = ContentCatalog.LoadEmbedded();

    private static string TestTable => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Data", "topics", "test-topic-table.yaml"));

    [Fact]
    public async Task A_topic_from_a_test_table_is_in_the_menu_and_talks_through_its_facts_and_follow_ups()
    {
        var table = TopicCatalog.Load("test-topic-table.yaml", TestTable, Content);
        using var conv = new BotConversation(configure: s => s.AddSingleton(table));

        var welcome = await conv.JoinAsync();
        Assert.Equal([Content.Text("menu.testing"), Content.Text("menu.provider")], welcome[^1].AllButtonsOf());

        var replies = await conv.SendAsync(Content.Text("menu.testing"));
        Assert.Equal([Content.Text("sideeffects.common"), Content.Text("testing.other")], replies.Take(2).Select(r => r.Text));
        Assert.StartsWith("_Source: ", replies[2].Text);
        foreach (var source in Content.Entry("testing.other").Sources)
            Assert.Contains(Content.Source(source).Title, replies[2].Text);
        Assert.Equal([Content.Text("menu.provider"), Content.Text("menu.testing")], replies[2].AllButtonsOf());
        Assert.Empty((Newtonsoft.Json.Linq.JArray)(await StoredState.ConversationDataAsync(conv))!["Stack"]!);

        var next = await conv.SendAsync(Content.Text("menu.provider"));
        Assert.Equal(Content.Text("provider.intro"), next[0].Text);
    }

    [Fact]
    public void The_test_topic_is_served_by_the_one_information_dialog()
    {
        var table = TopicCatalog.Load("test-topic-table.yaml", TestTable, Content);
        using var conv = new BotConversation(configure: s => s.AddSingleton(table));
        var dialog = Assert.IsType<InfoTopicDialog>(conv.Services.GetRequiredService<DialogSet>().Find("topic.test.cramps"));
        Assert.Equal("topic.testing.title", dialog.TitleKey);
        Assert.Equal("topic.test.cramps", table.DialogFor("testing"));
    }

    [Fact]
    public void The_real_table_maps_every_topic_intent_and_orders_the_menu()
    {
        var table = TopicCatalog.LoadEmbedded(Content);
        Assert.Equal(["menu.fibromyalgia", "menu.migraine", "menu.mechanism", "menu.foods", "menu.forms", "menu.medications"], table.Menu.Select(m => m.TitleKey));
        Assert.Equal(7, table.InformationTopics.Count());
        Assert.Equal("topic.screening", table.DialogFor("medication_check"));
    }

    [Theory]
    [InlineData("intent: testing", "intent: cramps", "not one of Intents.All")]
    [InlineData("followUps: [menu.provider, menu.testing]", "followUps: [menu.provider, menu.foods]", "button of no topic")]
    [InlineData("facts: [sideeffects.common, testing.other]", "facts: [sideeffects.common, testing.nowhere]", "'testing.nowhere', which no content file defines")]
    [InlineData("    menu: 2\n", "    menu: 1\n", "share an id, intent, button or menu place")]
    [InlineData("    title: topic.testing.title\n", "", "has facts but no 'title'")]
    public void A_bad_entry_fails_to_load_with_what_to_fix(string good, string bad, string expected)
    {
        var yaml = TestTable.Replace("\r\n", "\n");
        Assert.Contains(good, yaml);
        var error = Assert.Throws<ContentValidationException>(() => TopicCatalog.Load("t.yaml", yaml.Replace(good, bad), Content));
        Assert.Contains(expected, error.Message);
    }
}
