using MagBot.Dialogs.Tests.Screening;
using MagBot.Dialogs.Tests.Support;
using Microsoft.Bot.Connector;
using Newtonsoft.Json.Linq;

namespace MagBot.Dialogs.Tests.Replies;

/// <summary>Each sourced reply carries its sources as citations where Web Chat renders them (Direct Line), in the
/// shape Web Chat 4.18 reads; Teams and the Emulator keep the "Source:" line instead.</summary>
public sealed class CitationTests
{
    [Fact]
    public async Task In_web_chat_each_fact_carries_numbered_markers_definitions_and_a_schema_org_message_entity()
    {
        using var conv = new BotConversation(channelId: Channels.Directline);
        var replies = await conv.SendAsync("Magnesium and fibromyalgia");
        var trial = replies.Single(r => r.Text!.Contains("A 2022 study in France"));

        Assert.Contains("until the end. [1]\n\n[1]: https://www.ncbi.nlm.nih.gov/pmc/articles/PMC9145501/ \"Short-Term Magnesium Therapy", trial.Text);
        var entity = Assert.Single(trial.Entities);
        Assert.Equal("https://schema.org/Message", entity.Type);
        Assert.Equal("https://schema.org", (string?)entity.Properties["@context"]);
        Assert.Equal("", (string?)entity.Properties["@id"]);
        Assert.Equal("Message", (string?)entity.Properties["@type"]);
        var claim = Assert.Single(entity.Properties["citation"]!.Children<JObject>());
        Assert.Equal("Claim", (string?)claim["@type"]);
        Assert.Equal(1, (int)claim["position"]!);
        Assert.Equal("DigitalDocument", (string?)claim["appearance"]!["@type"]);
        Assert.Equal("https://www.ncbi.nlm.nih.gov/pmc/articles/PMC9145501/", (string?)claim["appearance"]!["url"]);

        var meaning = replies.Single(r => r.Text!.Contains("What this does and does not show"));
        Assert.Contains(" [1][2]\n\n[1]: ", meaning.Text);
        Assert.Equal([1, 2], meaning.Entities.Single().Properties["citation"]!.Select(c => (int)c["position"]!));

        Assert.DoesNotContain(replies, r => r.Text!.Contains("_Source:"));
        Assert.Equal("Where would you like to go next?", replies[^1].Text);
    }

    [Theory]
    [InlineData(Channels.Emulator)]
    [InlineData(Channels.Msteams)]
    public async Task Teams_and_the_Emulator_keep_the_source_line_and_get_no_citation_entities(string channel)
    {
        using var conv = new BotConversation(channelId: channel);
        var replies = await conv.SendAsync("How much magnesium?");
        Assert.All(replies, r => Assert.True(r.Entities is null || r.Entities.Count == 0));
        Assert.DoesNotContain("[1]", replies.AllText());
        Assert.Contains(replies, r => r.Text!.StartsWith("_Source: ", StringComparison.Ordinal) && r.Text.Contains("European Food Safety Authority"));
    }

    [Fact]
    public async Task In_web_chat_the_source_only_message_is_left_out_and_the_food_list_cites_its_sources()
    {
        using var conv = new BotConversation(channelId: Channels.Directline);
        Assert.DoesNotContain(await conv.SendAsync("How much magnesium?"), r => r.Text!.StartsWith("_Source:", StringComparison.Ordinal));
        using var foods = new BotConversation(channelId: Channels.Directline);
        var list = (await foods.SendAsync("Foods with magnesium"))[0];
        Assert.DoesNotContain("_Source:", list.Text);
        Assert.Equal(2, list.Entities.Single().Properties["citation"]!.Count());
    }

    [Theory]
    [InlineData(Channels.Directline, false)]
    [InlineData(Channels.Emulator, true)]
    public async Task Medication_check_results_cite_their_sources_or_keep_the_source_line(string channel, bool sourceLine)
    {
        using var conv = new BotConversation(channelId: channel);
        await conv.SendAsync("Check my medications");
        await conv.SendAsync("lasix, and I'm pregnant");
        var result = await ScreeningTranscript.FinishAsync(conv);
        var diuretic = result.Single(r => r.Text?.Contains("a loop or thiazide diuretic") == true);
        var pregnancy = result.Single(r => r.Text?.Contains("**Pregnancy**") == true);
        foreach (var reply in new[] { diuretic, pregnancy })
        {
            Assert.Equal(sourceLine, reply.Text!.Contains("*Source:*"));
            Assert.Equal(!sourceLine, reply.Entities?.Any(e => e.Type == "https://schema.org/Message") == true);
        }
    }
}
