using MagBot.Dialogs.Knowledge;
using MagBot.Dialogs.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace MagBot.Dialogs.Tests.Topics;

public sealed class AmountsDialogTests
{
    [Fact]
    public async Task Amounts_lists_rda_by_age_and_sex_and_the_supplement_upper_limit()
    {
        using var conv = new BotConversation();
        var rda = conv.Services.GetRequiredService<RdaTable>();
        var replies = await conv.SendAsync("How much magnesium?");
        foreach (var row in rda.Allowances) Assert.Contains($"- {row.Label}: {row.Milligrams} mg", replies[0].Text);
        Assert.Contains("350 mg a day**", replies.AllText());
        Assert.Contains("only when your own provider is guiding you", replies.AllText());
        Assert.Equal(["Yes", "No, thanks"], replies[^1].AllButtonsOf());
    }

    // what the user says the dose is, what MagBot must call it
    public static TheoryData<string, string> Doses => new()
    {
        { "two hundred mg", "**200 mg a day is within the upper limit**" },
        { "350 mg", "**350 mg a day is within the upper limit**" },
        { "2 g", "**2,000 mg a day is more than the upper limit**" },
        { "I take 600 milligrams", "**600 mg a day is more than the upper limit**" },
        { "400", "**400 mg a day is more than the upper limit**" },
    };

    [Theory]
    [MemberData(nameof(Doses))]
    public async Task Dose_is_compared_with_the_limit_and_never_prescribed(string dose, string verdict)
    {
        using var conv = new BotConversation();
        await conv.SendAsync("How much magnesium?");
        Assert.Equal(Text(conv, "amounts.dose.ask"), Assert.Single(await conv.SendAsync("yes")).Text);
        // Issue 15: the limit depends on age, so the age is asked when the question did not give it.
        Assert.Equal(Text(conv, "amounts.age.ask"), Assert.Single(await conv.SendAsync(dose)).Text);
        var replies = await conv.SendAsync("45");
        Assert.StartsWith(verdict, replies[0].Text);
        Assert.Equal(Text(conv, "amounts.not.prescription"), replies[1].Text);
        Assert.Equal("Find a provider", replies[^1].AllButtonsOf()[0]);
    }

    [Fact]
    public async Task Dose_stated_with_the_question_is_answered_without_asking_again()
    {
        using var conv = new BotConversation();
        var replies = await conv.SendAsync("I'm 52 and I take 2000 mg of magnesium a day");
        Assert.Contains(replies, r => r.Text!.StartsWith("**2,000 mg a day is more than the upper limit** of 350 mg", StringComparison.Ordinal));
        Assert.Contains("talk to a provider", replies.AllText());
        Assert.DoesNotContain(replies, r => r.Text == Text(conv, "amounts.dose.offer"));
    }

    [Fact]
    public async Task Dose_prompt_hints_then_gives_up_after_three_tries()
    {
        using var conv = new BotConversation();
        await conv.SendAsync("How much magnesium?");
        await conv.SendAsync("yes");
        Assert.Equal(Text(conv, "amounts.dose.retry"), Assert.Single(await conv.SendAsync("quite a lot")).Text);
        Assert.Equal(Text(conv, "amounts.dose.retry"), Assert.Single(await conv.SendAsync("dunno")).Text);
        var replies = await conv.SendAsync("not sure");
        Assert.Equal(Text(conv, "prompt.giveup"), replies[0].Text);
        Assert.Equal(Text(conv, "topic.next"), replies[^1].Text);
    }

    [Fact]
    public async Task Compare_question_hints_then_gives_up_after_three_tries()
    {
        using var conv = new BotConversation();
        await conv.SendAsync("How much magnesium?");
        Assert.Equal(Text(conv, "amounts.dose.offer.retry"), Assert.Single(await conv.SendAsync("maybe")).Text);
        Assert.Equal(Text(conv, "amounts.dose.offer.retry"), Assert.Single(await conv.SendAsync("hmm")).Text);
        var replies = await conv.SendAsync("perhaps later");
        Assert.Equal(Text(conv, "prompt.giveup"), replies[0].Text);
        Assert.Equal(["Find a provider", "Side effects and cautions", "Foods with magnesium"], replies[^1].AllButtonsOf());
    }

    [Fact]
    public async Task Declining_the_dose_check_ends_with_follow_ups()
    {
        using var conv = new BotConversation();
        await conv.SendAsync("How much magnesium?");
        var replies = await conv.SendAsync("No, thanks");
        Assert.Equal(Text(conv, "topic.next"), Assert.Single(replies).Text);
    }

    private static string Text(BotConversation conv, string key) =>
        conv.Services.GetRequiredService<ContentCatalog>().Text(key);

    // Issue 15: the upper limit for supplements and medicines depends on age (NIH ODS): 65 mg at 1-3, 110 at 4-8, 350 from 9.
    public static TheoryData<string, string> AgesInTheQuestion => new()
    {
        { "My daughter is 7, is 200 mg too much?", "**200 mg a day is more than the upper limit** of 110 mg a day for magnesium from supplements and medicines at age 7" },
        { "I'm a 40 year old taking 300 mg, is that ok?", "**300 mg a day is within the upper limit** of 350 mg a day for magnesium from supplements and medicines at age 40" },
        { "is 120 mg too much for a 5 year old", "**120 mg a day is more than the upper limit** of 110 mg" },
    };

    [Theory]
    [MemberData(nameof(AgesInTheQuestion))]
    public async Task An_age_in_the_question_sets_the_limit_compared_with(string question, string verdict)
    {
        using var conv = new BotConversation();
        var replies = await conv.SendAsync(question);
        Assert.Contains(replies, r => r.Text!.StartsWith(verdict, StringComparison.Ordinal));
        Assert.Contains("Magnesium from food does not count toward this limit", replies.AllText());
        Assert.DoesNotContain(replies, r => r.Text == Text(conv, "amounts.age.ask"));
    }

    [Fact]
    public async Task A_dose_without_an_age_asks_for_the_age_and_uses_a_childs_limit()
    {
        using var conv = new BotConversation();
        var ask = await conv.SendAsync("is 100 mg of magnesium too much?");
        Assert.Contains(ask, r => r.Text == Text(conv, "amounts.age.ask"));
        var replies = await conv.SendAsync("3");
        Assert.StartsWith("**100 mg a day is more than the upper limit** of 65 mg a day", replies[0].Text);
    }
}
