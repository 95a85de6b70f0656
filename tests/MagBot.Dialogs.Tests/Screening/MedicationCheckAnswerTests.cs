using MagBot.Dialogs.Tests.Support;
using MagBot.Dialogs.Topics;
using MagBot.Dialogs.Understanding;
using Microsoft.Extensions.DependencyInjection;

namespace MagBot.Dialogs.Tests.Screening;

/// <summary>Issue 15, turn by turn: the check keeps the person's answers, knows real medicines, and counts their own magnesium.</summary>
public sealed class MedicationCheckAnswerTests
{
    private const string Ask = "Which medicines and supplements do you take?";

    // An answer that mentions a reason, a time or a condition, and what the check must understand from it.
    public static TheoryData<string, string> AnswersThatMentionOtherTopics => new()
    {
        { "Flexeril at bedtime for my fibro", "**cyclobenzaprine**: a muscle relaxant" },
        { "Prograf twice a day", "**tacrolimus**: a calcineurin inhibitor" },
        { "magnesium citrate for constipation", "**magnesium citrate**: a magnesium supplement" },
        { "verapamil for migraine prevention", "**verapamil**: a calcium channel blocker" },
        { "doxycycline for acne", "**doxycycline**: a tetracycline antibiotic" },
        { "Fosamax on sundays", "**alendronate**: a bisphosphonate" },
        { "macrobid for a UTI", "**nitrofurantoin**" },
        { "ambien most nights", "**zolpidem**: a medicine with no magnesium interaction in MagBot's sources" },
        { "how much magnesium is in foods? I take lyrica", "**pregabalin**" },
    };

    [Theory]
    [MemberData(nameof(AnswersThatMentionOtherTopics))]
    public async Task An_answer_naming_medicines_stays_in_the_check_whatever_else_it_mentions(string answer, string understood)
    {
        using var conv = new BotConversation();
        Assert.Contains(Ask, (await conv.SendAsync("Check my medications")).AllText());
        var text = (await conv.SendAsync(answer)).AllText();
        Assert.Contains(understood, text);
        Assert.DoesNotContain("I don't know", text);
        Assert.Contains("anything else", text);
        Assert.True(InCheck(conv), $"\"{answer}\" left the check");
    }

    [Theory]
    [InlineData("why do you need to know")]
    [InlineData("I have fibromyalgia and migraines")]
    [InlineData("my doctor handles all that")]
    public async Task A_message_naming_no_medicine_is_asked_again_not_taken_as_a_new_topic(string answer)
    {
        using var conv = new BotConversation();
        await conv.SendAsync("Check my medications");
        var text = (await conv.SendAsync(answer)).AllText();
        Assert.Contains("I didn't find a medicine name", text);
        Assert.True(InCheck(conv));
    }

    [Theory]
    [InlineData("cancel")]
    [InlineData("start over")]
    [InlineData("Foods with magnesium")]
    public async Task Only_a_command_or_a_topic_button_leaves_the_check(string command)
    {
        using var conv = new BotConversation();
        await conv.SendAsync("Check my medications");
        await conv.SendAsync(command);
        Assert.False(InCheck(conv));
    }

    [Theory]
    [InlineData("Magnesium and migraine")]
    [InlineData("Foods with magnesium")]
    public async Task At_anything_else_a_topic_button_leaves_the_check_even_when_its_title_names_magnesium(string button)
    {
        using var conv = new BotConversation();
        await conv.SendAsync("Check my medications");
        await conv.SendAsync("amlodipine");
        await conv.SendAsync(button);
        Assert.False(InCheck(conv), $"the button \"{button}\" was taken as an answer to \"anything else?\"");
    }

    [Fact]
    public async Task At_anything_else_a_message_naming_a_medicine_is_added_even_beside_a_topic_question()
    {
        using var conv = new BotConversation();
        await conv.SendAsync("Check my medications");
        await conv.SendAsync("lasix");
        var text = (await conv.SendAsync("what foods have magnesium? I also take synthroid")).AllText();
        Assert.Contains("**levothyroxine**: a thyroid hormone", text);
        Assert.DoesNotContain("Pumpkin seeds", text);
        Assert.True(InCheck(conv));
    }

    [Fact]
    public async Task Ordinary_words_beside_a_medicine_are_never_asked_about()
    {
        using var conv = new BotConversation();
        await conv.SendAsync("Check my medications");
        var text = (await conv.SendAsync("verapamil for migraine prevention, most nights, on sundays, for a UTI")).AllText();
        Assert.DoesNotContain("I don't know", text);
        Assert.DoesNotContain("** **", text);
    }

    [Fact]
    public async Task A_known_medicine_without_interaction_is_reported_as_not_the_same_as_safe()
    {
        using var conv = new BotConversation();
        await conv.SendAsync("Check my medications");
        await conv.SendAsync("sertraline, Cymbalta, rizatriptan and Aimovig");
        var result = await ScreeningTranscript.FinishAsync(conv);
        var text = result.AllText();
        Assert.Contains("**sertraline, duloxetine, rizatriptan, erenumab**: MagBot's sources list no interaction", text);
        Assert.Contains("**not the same as safe**", text);
        Assert.DoesNotContain("How serious", text);
        ScreeningTranscript.AssertNeverCallsSafe(result);
    }

    [Fact]
    public async Task Own_magnesium_is_added_up_and_compared_with_the_adult_limit()
    {
        using var conv = new BotConversation();
        await conv.SendAsync("Check my medications");
        var understood = (await conv.SendAsync("500 mg magnesium oxide and milk of magnesia")).AllText();
        Assert.Contains("**magnesium oxide** (500 mg): a magnesium supplement", understood);
        Assert.Contains("**magnesium hydroxide**: a magnesium-containing antacid or laxative", understood);
        var text = (await ScreeningTranscript.FinishAsync(conv)).AllText();
        Assert.Contains("**Magnesium you already take:** magnesium oxide (500 mg), magnesium hydroxide.", text);
        Assert.Contains("add up to **500 mg**. That is **above the upper limit of 350 mg a day**", text);
        Assert.Contains("the weight of the whole salt", text);
        Assert.Contains("Some things have no amount yet", text);
        Assert.Contains("counts toward your daily total", text);
        Assert.Contains("does not include magnesium from food", text);
    }

    [Theory]
    [InlineData("2 x 250 mg magnesium oxide", "magnesium oxide (2 × 250 mg)")]
    [InlineData("magnesium glycinate 250 mg x 2", "magnesium glycinate (2 × 250 mg)")]
    [InlineData("2 tabs of magnesium citrate 250mg", "magnesium citrate (2 × 250 mg)")]
    public async Task A_pill_count_multiplies_the_amount_in_the_total(string answer, string listed)
    {
        using var conv = new BotConversation();
        await conv.SendAsync("Check my medications");
        await conv.SendAsync(answer);
        var text = (await ScreeningTranscript.FinishAsync(conv)).AllText();
        Assert.Contains($"**Magnesium you already take:** {listed}.", text);
        Assert.Contains("add up to **500 mg**. That is **above the upper limit of 350 mg a day**", text);
        Assert.Contains("the weight of the whole salt", text); // a label amount that may be the salt, not the magnesium
    }

    [Theory]
    [InlineData("Slow-Mag, two tablets a day", "magnesium chloride (2 × 71.5 mg)", "143")]     // Slow-Mag label: 71.5 mg a tablet
    [InlineData("Mag-Tab SR 3 caplets", "magnesium lactate", "84")]                            // "caplets" is not a count word: one unit
    [InlineData("Mag-Ox 400 and Slow-Mag", "magnesium oxide (241.3 mg), magnesium chloride (71.5 mg)", "312.8")]
    public async Task A_product_named_without_an_amount_counts_its_labels_magnesium_per_unit(string answer, string listed, string total)
    {
        using var conv = new BotConversation();
        await conv.SendAsync("Check my medications");
        await conv.SendAsync(answer);
        var text = (await ScreeningTranscript.FinishAsync(conv)).AllText();
        Assert.Contains(listed, text);
        Assert.Contains($"add up to **{total} mg**", text);
        Assert.Contains("in one tablet from the label", text);
        Assert.DoesNotContain("Some things have no amount yet", text);
    }

    [Fact]
    public async Task Own_magnesium_within_the_limit_still_counts_toward_the_daily_total()
    {
        using var conv = new BotConversation();
        await conv.SendAsync("Check my medications");
        await conv.SendAsync("magnesium glycinate 200 mg and Slow-Mag 64 mg");
        var text = (await ScreeningTranscript.FinishAsync(conv)).AllText();
        Assert.Contains("add up to **264 mg**", text);
        Assert.Contains("within it", text);
        Assert.Contains("counts toward your daily total", text);
    }

    [Fact]
    public async Task A_childs_age_in_an_answer_sets_the_limit()
    {
        using var conv = new BotConversation();
        await conv.SendAsync("Check my medications");
        await conv.SendAsync("my son is 6 and takes magnesium 150 mg");
        var text = (await ScreeningTranscript.FinishAsync(conv)).AllText();
        Assert.Contains("above the upper limit of 110 mg a day** for magnesium from supplements and medicines at age 6", text);
    }

    [Fact]
    public async Task A_combination_product_is_checked_as_each_of_its_medicines()
    {
        using var conv = new BotConversation();
        await conv.SendAsync("Check my medications");
        var text = (await conv.SendAsync("Hyzaar 100/25")).AllText();
        Assert.Contains("**losartan**: a blood pressure medicine", text);
        Assert.Contains("**hydrochlorothiazide**: a loop or thiazide diuretic", text);
    }

    [Fact]
    public async Task Quinolone_spacing_follows_each_label()
    {
        using var conv = new BotConversation();
        await conv.SendAsync("Check my medications");
        await conv.SendAsync("Avelox and Cipro");
        var text = (await ScreeningTranscript.FinishAsync(conv)).AllText();
        Assert.Contains("when to take moxifloxacin. Take it at least 4 hours before magnesium, or 8 hours after", text);
        Assert.Contains("when to take ciprofloxacin. Take it at least 2 hours before magnesium, or 6 hours after", text);
    }

    [Fact]
    public async Task A_question_about_forms_that_names_magnesium_salts_stays_with_its_topic()
    {
        using var conv = new BotConversation();
        await conv.SendAsync("Is magnesium glycinate better than magnesium oxide?");
        Assert.False(InCheck(conv));
    }

    [Fact]
    public async Task A_question_about_another_medicine_alone_is_out_of_scope_not_a_check()
    {
        using var conv = new BotConversation();
        var recognizer = conv.Services.GetRequiredService<IIntentRecognizer>();

        Assert.Equal(Intents.None, recognizer.Recognize("is melatonin a good idea for my jet lag").Intent);
        // Named alone, or asked about with magnesium, a medicine still starts the check.
        Assert.Equal(Intents.MedicationCheck, recognizer.Recognize("melatonin").Intent);
        Assert.Equal(Intents.MedicationCheck, recognizer.Recognize("can i take magnesium with melatonin").Intent);

        await conv.SendAsync("is melatonin a good idea for my jet lag");
        Assert.False(InCheck(conv));
    }

    private static bool InCheck(BotConversation conv)
    {
        var data = StoredState.ConversationDataAsync(conv).GetAwaiter().GetResult();
        return (data?["Stack"] as Newtonsoft.Json.Linq.JArray ?? []).Any(i => (string?)i["Id"] == InteractionScreeningDialog.DialogId);
    }
}
