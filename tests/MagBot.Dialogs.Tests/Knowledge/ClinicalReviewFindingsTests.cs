using MagBot.Dialogs.Knowledge;
using MagBot.Dialogs.Tests.Screening;
using MagBot.Dialogs.Tests.Support;
using Microsoft.Bot.Connector;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace MagBot.Dialogs.Tests.Knowledge;

/// <summary>One conversation for each accuracy finding of the clinical review (issue 16): what the bot now says,
/// and that the source it cites is one that says it.</summary>
public sealed class ClinicalReviewFindingsTests
{
    [Fact]
    public async Task Pregnancy_keeps_the_risks_by_mouth_apart_from_the_risk_of_magnesium_into_a_vein()
    {
        using var conv = new BotConversation();
        await conv.SendAsync("Check my medications");
        await conv.SendAsync("lasix, and I'm pregnant");
        var pregnancy = (await ScreeningTranscript.FinishAsync(conv)).Single(r => r.Text?.Contains("**Pregnancy**") == true).Text!;

        Assert.Contains("350 to 400 mg", pregnancy);
        Assert.Contains("The limit for supplements is still 350 mg a day.", pregnancy);
        Assert.Contains("Large doses by mouth can cause diarrhea and raise the magnesium in your blood.", pregnancy);
        Assert.Contains("into a vein for more than 5 to 7 days can harm a baby's bones", pregnancy);
        Assert.Contains("FDA Drug Safety Communication", pregnancy);
        Assert.DoesNotContain("high doses over a long time may harm the baby", pregnancy);
    }

    [Fact]
    public async Task The_European_250_mg_limit_is_cited_to_EFSA_not_to_NIH()
    {
        using var conv = new BotConversation(channelId: Channels.Directline);
        var replies = await conv.SendAsync("How much magnesium?");
        var europe = replies.Single(r => r.Text!.Contains("250 mg"));
        Assert.Equal(["European Food Safety Authority (EFSA), Panel on Dietetic Products, Nutrition and Allergies"], Claims(europe).Select(Publisher));
        Assert.All(replies.Where(r => r.Text!.Contains("350 mg")), r => Assert.DoesNotContain("250", r.Text));
    }

    [Fact]
    public async Task Calcium_and_vitamin_D_interactions_cite_reviews_of_that_interplay_not_the_fact_sheet()
    {
        using var conv = new BotConversation();
        await conv.SendAsync("Check my medications");
        await conv.SendAsync("calcium carbonate and vitamin d3");
        var result = await ScreeningTranscript.FinishAsync(conv);
        var calcium = result.Single(r => r.Text?.Contains("a calcium supplement") == true).Text!;
        var vitaminD = result.Single(r => r.Text?.Contains("a vitamin D") == true).Text!;
        Assert.Contains("Advances in Nutrition", calcium);
        Assert.Contains("Journal of the American Osteopathic Association", vitaminD);
        Assert.DoesNotContain("Office of Dietary Supplements", calcium + vitaminD);
    }

    [Fact]
    public async Task Migraine_mechanism_says_only_what_the_fact_sheet_says()
    {
        using var conv = new BotConversation(channelId: Channels.Directline);
        var replies = await conv.SendAsync("Magnesium and migraine");
        Assert.DoesNotContain("blood cells", replies.AllText());
        var mechanism = replies.Single(r => r.Text!.Contains("nerve cells send signals"));
        Assert.Contains("blood vessels getting narrow", mechanism.Text);
        Assert.Equal(["NIH Office of Dietary Supplements"], Claims(mechanism).Select(Publisher));
    }

    [Fact]
    public async Task Avocado_shows_the_half_cup_figure_the_fact_sheet_lists()
    {
        using var conv = new BotConversation();
        var foods = (await conv.SendAsync("Foods with magnesium")).AllText();
        Assert.Contains("**Avocado, cubed**, ½ cup: 22 mg", foods);
        Assert.DoesNotContain("58 mg", foods);
    }

    [Fact]
    public async Task A_label_is_cited_by_its_DailyMed_version_and_every_shown_source_opens()
    {
        using var conv = new BotConversation(channelId: Channels.Directline);
        var replies = await conv.SendAsync("Supplement forms");
        var iv = Claims(replies.Single(r => r.Text!.Contains("**Into a vein**"))).Single();
        Assert.Equal("https://dailymed.nlm.nih.gov/dailymed/drugInfo.cfm?setid=d4b5863a-efb9-4551-a9ad-2b06e8666d87", (string?)iv["appearance"]!["url"]);
        Assert.Contains("version 21", (string?)iv["appearance"]!["abstract"]);
        Assert.All(replies.SelectMany(Claims), c => Assert.StartsWith("https://", (string?)c["appearance"]!["url"]));

        var content = ContentCatalog.LoadEmbedded();
        Assert.All(content.Sources, s =>
        {
            Assert.False(string.IsNullOrEmpty(s.Url), $"{s.Id} has no URL");
            if (!LabelsNotYetOpened.Contains(s.Id)) Assert.True(s.Accessed is not null, $"{s.Id} has no accessed date");
        });
        // The list only shrinks: a label that has been opened and dated must leave it.
        Assert.All(LabelsNotYetOpened, id => Assert.Null(content.Sources.Single(s => s.Id == id).Accessed));
    }

    // Labels the medication check cites that could not be opened from a machine without internet (sources.yaml says so
    // beside each); `magbot content-review` flags them for a reviewer. Every other source was read and dated.
    private static readonly HashSet<string> LabelsNotYetOpened = new(StringComparer.Ordinal)
    {
        "dailymed-antacid-labels",
    };

    private static IEnumerable<JObject> Claims(IMessageActivity reply) =>
        reply.Entities?.Where(e => e.Type == "https://schema.org/Message").SelectMany(e => e.Properties["citation"]!.Children<JObject>()) ?? [];

    private static string Publisher(JObject claim) => ((string)claim["appearance"]!["abstract"]!).Split(". ")[0];
}
