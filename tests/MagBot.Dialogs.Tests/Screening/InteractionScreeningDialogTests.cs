using MagBot.Dialogs.Tests.Support;
using Microsoft.Bot.Schema;

namespace MagBot.Dialogs.Tests.Screening;

public sealed class InteractionScreeningDialogTests
{
    private static readonly Dictionary<string, string?> Clinic = new()
    {
        ["Clinic:Name"] = "Riverside Pain Clinic",
        ["Clinic:Phone"] = "+1 555 0100",
        ["Clinic:BookingUrl"] = "https://riverside.example/book",
    };

    [Fact]
    public async Task Menu_button_starts_the_check_and_asks_for_medicines()
    {
        using var conv = new BotConversation();
        var replies = await conv.SendAsync("Check my medications");
        Assert.Contains("Which medicines and supplements do you take?", replies.AllText());
        Assert.Contains("I take none", replies.AllButtons());
    }

    [Theory]
    [InlineData("is magnesium safe with my meds?")]
    [InlineData("Can you check my medications for interactions?")]
    public async Task Asking_about_interactions_starts_the_check(string text)
    {
        using var conv = new BotConversation();
        var replies = await conv.SendAsync(text);
        Assert.Contains("Which medicines and supplements do you take?", replies.AllText());
        ScreeningTranscript.AssertNeverCallsSafe(replies);
    }

    [Fact]
    public async Task One_message_naming_a_medicine_starts_the_check_with_it()
    {
        using var conv = new BotConversation();
        var replies = await conv.SendAsync("I take amlodipine, can I take magnesium?");
        var text = replies.AllText();
        Assert.Contains("**amlodipine**: a calcium channel blocker", text);
        Assert.Contains("anything else", text);
        Assert.DoesNotContain("Which medicines and supplements do you take?", text);
    }

    [Fact]
    public async Task Full_check_flags_each_medicine_with_class_advice_severity_and_source_and_ends_with_provider_and_card()
    {
        using var conv = new BotConversation(Clinic);
        await conv.SendAsync("Check my medications");
        var understood = (await conv.SendAsync("norvasc, lasix and vitamin d 1000 IU")).AllText();
        Assert.Contains("**amlodipine**: a calcium channel blocker", understood);
        Assert.Contains("**furosemide**: a loop or thiazide diuretic", understood);
        Assert.Contains("**vitamin d**: a vitamin D", understood);
        var conditions = await conv.SendAsync("no, that's all");
        Assert.Contains("Severe kidney disease or dialysis", conditions.AllButtons()); // issue 15 names it plainly
        var all = await conv.SendAsync("none of these");
        var text = all.AllText();
        Assert.Contains("How serious: **moderate**", text);
        Assert.Contains("*What to do:* Ask your prescriber before you add magnesium", text);
        Assert.Contains("NIH Office of Dietary Supplements", text);
        Assert.Contains("MedlinePlus", text);
        Assert.Contains("Please talk with a doctor or pharmacist", text);
        Assert.Contains("Riverside Pain Clinic", text);
        Assert.Contains("+1 555 0100", text);
        var card = ScreeningTranscript.SummaryCard(all);
        var cardText = ScreeningTranscript.CardText(card);
        Assert.Contains("amlodipine", cardText);
        Assert.Contains("calcium channel blocker", cardText);
        Assert.Contains("Questions to ask", cardText);
        Assert.Contains("Riverside Pain Clinic", cardText);
        Assert.Equal("https://riverside.example/book", (string?)card["actions"]![0]!["url"]);
        Assert.Contains("not medical advice", cardText);
        ScreeningTranscript.AssertNeverCallsSafe(all);
    }

    public static TheoryData<string, string> EveryClassWithOneName()
    {
        var data = new TheoryData<string, string>();
        foreach (var c in ScreeningFixtures.Lexicon.Classes) data.Add(c.Names[0].Spelling, c.Id);
        return data;
    }

    [Theory]
    [MemberData(nameof(EveryClassWithOneName))]
    public async Task Every_class_is_flagged_with_its_effect_and_advice_in_the_result(string name, string classId)
    {
        var cls = ScreeningFixtures.Lexicon.Class(classId);
        using var conv = new BotConversation();
        await conv.SendAsync("Check my medications");
        var understood = await conv.SendAsync(name);
        Assert.Contains(cls.Name, understood.AllText());
        var result = await ScreeningTranscript.FinishAsync(conv);
        var text = result.AllText();
        Assert.Contains(cls.Effect, text);
        Assert.Contains(cls.Advice, text);
        if (cls.IsNoKnownInteraction) Assert.Contains("not the same as safe", text); // issue 15
        else Assert.Contains(cls.Question, ScreeningTranscript.CardText(ScreeningTranscript.SummaryCard(result)));
        ScreeningTranscript.AssertNeverCallsSafe(result);
    }

    [Fact]
    public async Task Unknown_name_is_asked_about_and_reported_as_not_the_same_as_safe()
    {
        using var conv = new BotConversation();
        await conv.SendAsync("Check my medications");
        var ask = await conv.SendAsync("zorblatin");
        var askText = ask.AllText();
        Assert.Contains("I don't know **zorblatin**", askText);
        Assert.Contains("can't judge a medicine I don't know", askText);
        Assert.Contains("Skip", ask.AllButtons());
        var kept = await conv.SendAsync("skip");
        Assert.Contains("not checked", kept.AllText());
        var result = await ScreeningTranscript.FinishAsync(conv);
        var text = result.AllText();
        Assert.Contains("**zorblatin**: nothing is known to me about it, which is not the same as safe", text);
        Assert.DoesNotContain("no interaction", text.Replace("not the same as having no interaction", ""), StringComparison.OrdinalIgnoreCase);
        var cardText = ScreeningTranscript.CardText(ScreeningTranscript.SummaryCard(result));
        Assert.Contains("Not checked", cardText);
        Assert.Contains("Does zorblatin interact with magnesium?", cardText);
        ScreeningTranscript.AssertNeverCallsSafe(result);
    }

    [Fact]
    public async Task A_corrected_spelling_is_taken_as_the_medicine()
    {
        using var conv = new BotConversation();
        await conv.SendAsync("Check my medications");
        Assert.Contains("I don't know **zzpranolol**", (await conv.SendAsync("zzpranolol")).AllText());
        var fixedReply = await conv.SendAsync("propranolol");
        Assert.Contains("**propranolol**: a blood pressure medicine", fixedReply.AllText());
        var result = await ScreeningTranscript.FinishAsync(conv);
        Assert.DoesNotContain("zzpranolol", result.AllText());
    }

    [Fact]
    public async Task An_unknown_name_typed_twice_is_kept_as_not_checked()
    {
        using var conv = new BotConversation();
        await conv.SendAsync("Check my medications");
        await conv.SendAsync("zorblatin");
        Assert.Contains("still don't know", (await conv.SendAsync("zorblatin")).AllText() + (await conv.SendAsync("zorblatin")).AllText());
        var result = await ScreeningTranscript.FinishAsync(conv);
        Assert.Contains("**zorblatin**: nothing is known to me", result.AllText());
    }

    [Fact]
    public async Task Mixed_known_and_unknown_names_confirm_the_known_and_ask_about_the_unknown()
    {
        using var conv = new BotConversation();
        await conv.SendAsync("Check my medications");
        var replies = await conv.SendAsync("omeprazole 20 mg, zorblatin and Fosamax");
        var text = replies.AllText();
        Assert.Contains("**omeprazole** (20 mg): a proton pump inhibitor (PPI)", text);
        Assert.Contains("**alendronate**: a bisphosphonate", text);
        Assert.Contains("I don't know **zorblatin**", text);
        await conv.SendAsync("skip");
        var result = await ScreeningTranscript.FinishAsync(conv);
        var all = result.AllText();
        Assert.Contains("proton pump inhibitor", all);
        Assert.Contains("at least 2 hours apart", all);
        Assert.Contains("**zorblatin**: nothing is known to me", all);
    }

    [Fact]
    public async Task Saying_none_goes_to_conditions_and_ends_with_provider_and_card()
    {
        using var conv = new BotConversation();
        await conv.SendAsync("Check my medications");
        var cond = await conv.SendAsync("none");
        Assert.Contains("Do any of these apply to you?", cond.AllText());
        var result = await conv.SendAsync("no");
        var text = result.AllText();
        Assert.Contains("You told me you take no medicines", text);
        Assert.Contains("Please talk with a doctor or pharmacist", text);
        Assert.Contains("A pharmacist can check your medicines", text); // no clinic configured: general advice
        ScreeningTranscript.SummaryCard(result);
        ScreeningTranscript.AssertNeverCallsSafe(result);
    }

    [Fact]
    public async Task Conditions_named_are_explained_with_sources_and_listed_on_the_card()
    {
        using var conv = new BotConversation();
        await conv.SendAsync("Check my medications");
        await conv.SendAsync("spironolactone");
        await conv.SendAsync("no");
        var result = await conv.SendAsync("I have kidney disease and afib");
        var text = result.AllText();
        Assert.Contains("**Severe kidney disease or dialysis**", text);
        Assert.Contains("**Heart rhythm problem or heart block**", text);
        Assert.Contains("potassium-sparing diuretic", text);
        var cardText = ScreeningTranscript.CardText(ScreeningTranscript.SummaryCard(result));
        Assert.Contains("kidney disease", cardText);
    }

    [Fact]
    public async Task A_medicine_named_at_the_conditions_question_is_added_not_dropped()
    {
        using var conv = new BotConversation();
        await conv.SendAsync("Check my medications");
        await conv.SendAsync("none");
        var late = await conv.SendAsync("oh wait, I take doxycycline");
        Assert.Contains("**doxycycline**: a tetracycline antibiotic", late.AllText());
        var result = await ScreeningTranscript.FinishAsync(conv);
        Assert.Contains("at least 2 hours before any magnesium. Or take it 4 to 6 hours after", result.AllText()); // NIH ODS, issue 15
        Assert.DoesNotContain("You told me you take no medicines", result.AllText());
    }

    [Fact]
    public async Task A_condition_mentioned_with_the_medicines_is_kept_for_the_result()
    {
        using var conv = new BotConversation();
        await conv.SendAsync("Check my medications");
        await conv.SendAsync("lasix, and I'm pregnant");
        var result = await ScreeningTranscript.FinishAsync(conv);
        Assert.Contains("**Pregnancy**", result.AllText());
    }

    [Fact]
    public async Task Adding_more_medicines_after_the_first_list_keeps_both()
    {
        using var conv = new BotConversation();
        await conv.SendAsync("Check my medications");
        await conv.SendAsync("lasix");
        var more = await conv.SendAsync("oh and synthroid");
        Assert.Contains("**levothyroxine**: a thyroid hormone", more.AllText());
        var result = await ScreeningTranscript.FinishAsync(conv);
        var cardText = ScreeningTranscript.CardText(ScreeningTranscript.SummaryCard(result));
        Assert.Contains("furosemide", cardText);
        Assert.Contains("levothyroxine", cardText);
        Assert.Contains("at least 4 hours", result.AllText());
    }

    [Fact]
    public async Task Help_in_the_middle_says_where_we_are_and_asks_again()
    {
        using var conv = new BotConversation();
        await conv.SendAsync("Check my medications");
        var help = (await conv.SendAsync("help")).AllText();
        Assert.Contains("the medication check", help);
        Assert.Contains("Which medicines and supplements do you take?", help);
        Assert.Contains("**furosemide**", (await conv.SendAsync("lasix")).AllText());
    }

    [Fact]
    public async Task Cancel_in_the_middle_stops_the_check()
    {
        using var conv = new BotConversation();
        await conv.SendAsync("Check my medications");
        await conv.SendAsync("lasix");
        var cancel = (await conv.SendAsync("cancel")).AllText();
        Assert.Contains("I've stopped that", cancel);
        var after = await conv.SendAsync("no");
        Assert.DoesNotContain(after.SelectMany(a => a.Attachments ?? []), a => a.ContentType.Contains("adaptive", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_side_question_then_resume_continues_the_check_where_it_was()
    {
        using var conv = new BotConversation();
        await conv.SendAsync("Check my medications");
        await conv.SendAsync("lasix");
        var side = await conv.SendAsync("I want to book an appointment with a doctor");
        var sideText = side.AllText();
        Assert.Contains("health care provider", sideText);
        Assert.Contains("go back to **the medication check**", sideText);
        var resumed = await conv.SendAsync("Yes, go back");
        Assert.Contains("anything else", resumed.AllText());
        var result = await ScreeningTranscript.FinishAsync(conv);
        Assert.Contains("furosemide", ScreeningTranscript.CardText(ScreeningTranscript.SummaryCard(result)));
    }

    [Fact]
    public async Task A_topic_question_in_the_middle_is_answered_and_the_check_resumes_with_its_medicines()
    {
        using var conv = new BotConversation();
        await conv.SendAsync("Check my medications");
        await conv.SendAsync("nexium");
        Assert.Contains("Pumpkin seeds", (await conv.SendAsync("what foods have magnesium?")).AllText());
        // The foods topic asks its own follow-up; once it is done, the check is offered back.
        var offer = string.Empty;
        for (var i = 0; i < 3 && !offer.Contains("go back to", StringComparison.Ordinal); i++) offer = (await conv.SendAsync("No, thanks")).AllText();
        Assert.Contains("go back to **the medication check**", offer);
        Assert.Contains("anything else", (await conv.SendAsync("Yes, go back")).AllText());
        var result = await ScreeningTranscript.FinishAsync(conv);
        Assert.Contains("esomeprazole", ScreeningTranscript.CardText(ScreeningTranscript.SummaryCard(result)));
    }

    [Fact]
    public async Task Unrelated_medicines_are_never_flagged_with_an_interaction()
    {
        using var conv = new BotConversation();
        await conv.SendAsync("Check my medications");
        // Issue 15: known medicines with no interaction in the sources are named as such, never as safe.
        await conv.SendAsync("metformin and sertraline");
        var result = await ScreeningTranscript.FinishAsync(conv);
        var text = result.AllText();
        Assert.DoesNotContain("How serious", text);
        Assert.Contains("**metformin, sertraline**: MagBot's sources list no interaction", text);
        Assert.Contains("not the same as safe", text);
        Assert.Contains("None found in MagBot's list", ScreeningTranscript.CardText(ScreeningTranscript.SummaryCard(result)));
    }

    [Fact]
    public async Task In_Teams_the_check_keeps_at_most_three_suggested_actions_and_ends_with_the_card()
    {
        using var conv = new BotConversation(channelId: Microsoft.Bot.Connector.Channels.Msteams);
        var transcript = new List<IMessageActivity>();
        foreach (var t in new[] { "Check my medications", "cipro and nexium", "no", "none of these" }) transcript.AddRange(await conv.SendAsync(t));
        Assert.All(transcript, r => Assert.True((r.SuggestedActions?.Actions?.Count ?? 0) <= 3));
        Assert.Contains("Severe kidney disease or dialysis", transcript.AllButtons());
        var card = ScreeningTranscript.SummaryCard(transcript);
        Assert.Contains("ciprofloxacin", ScreeningTranscript.CardText(card));
        Assert.Contains("2 hours before magnesium, or 6 hours after", transcript.AllText()); // issue 15: ciprofloxacin's own label
    }

    public static TheoryData<string[]> ScreeningPaths() => new()
    {
        new[] { "Check my medications", "none", "none" },
        new[] { "Check my medications", "I take none", "None of these" },
        new[] { "I take lasix and cipro", "no", "pregnant" },
        new[] { "is magnesium safe with my meds?", "norvasc, metformin", "skip", "no", "no" },
        new[] { "Check my medications", "water pill", "no that's all", "myasthenia gravis" },
        new[] { "Check my medications", "???", "!!!", "???", "none" },
        new[] { "Check my medications", "digoxin", "yes", "biktarvy", "no", "I don't know", "not sure" },
    };

    [Theory]
    [MemberData(nameof(ScreeningPaths))]
    public async Task Every_screening_ends_at_the_provider_recommendation_with_the_summary_card(string[] turns)
    {
        using var conv = new BotConversation();
        var transcript = new List<IMessageActivity>();
        foreach (var t in turns) transcript.AddRange(await conv.SendAsync(t));
        ScreeningTranscript.AssertNeverCallsSafe(transcript);
        var text = transcript.AllText();
        Assert.Contains("Please talk with a doctor or pharmacist", text);
        ScreeningTranscript.SummaryCard(transcript);
        Assert.Contains("not a substitute for medical advice", text);
    }
}
