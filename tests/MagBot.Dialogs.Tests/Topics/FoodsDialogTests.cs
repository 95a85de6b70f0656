using MagBot.Dialogs.Knowledge;
using MagBot.Dialogs.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace MagBot.Dialogs.Tests.Topics;

public sealed class FoodsDialogTests
{
    // age, answer to "which applies to you", the RDA shown, pumpkin seeds' (156 mg) share of it
    public static TheoryData<string, string, string, string> Shares => new()
    {
        { "34", "Female", "320", "49" },
        { "25 years old", "male", "400", "39" },
        { "sixteen", "Pregnant", "400", "39" },
        { "40", "I'm breastfeeding", "320", "49" },
        { "30", "prefer not to say", "310–400", "39–50" },
        { "7", "2", "130", "120" },
        { "70", "a man", "420", "37" },
    };

    [Theory]
    [MemberData(nameof(Shares))]
    public async Task Share_of_daily_amount_follows_age_and_sex(string age, string group, string rda, string pumpkinPercent)
    {
        using var conv = new BotConversation();
        await conv.SendAsync("Foods with magnesium");
        Assert.Equal(Text(conv, "foods.age.ask"), Single(await conv.SendAsync("yes")));
        Assert.Equal(Text(conv, "foods.sex.ask"), Single(await conv.SendAsync(age)));
        var replies = await conv.SendAsync(group);
        Assert.Contains($"**{rda} mg a day**", replies[0].Text);
        Assert.Contains($"**Pumpkin seeds, roasted**, 1 oz (28 g): 156 mg, about {pumpkinPercent}% of it", replies[0].Text);
        Assert.Contains("NIH Office of Dietary Supplements", replies[^1].Text);
        Assert.Equal(3, replies[^1].SuggestedActions.Actions.Count);
    }

    [Fact]
    public async Task Food_list_names_every_food_with_mg_and_its_sources()
    {
        using var conv = new BotConversation();
        var foods = conv.Services.GetRequiredService<FoodCatalog>();
        var content = conv.Services.GetRequiredService<ContentCatalog>();
        var replies = await conv.SendAsync("Foods with magnesium");
        foreach (var f in foods.Foods)
            Assert.Contains($"**{f.Name}**, {f.Serving}: {f.Milligrams} mg", replies[0].Text);
        foreach (var id in foods.Foods.Select(f => f.SourceId).Distinct())
            Assert.Contains(content.Source(id).Title, replies[0].Text);
        Assert.Equal(["Yes", "No, thanks"], replies[^1].AllButtonsOf());
    }

    [Fact]
    public async Task In_teams_the_five_choices_come_as_a_card_and_still_work()
    {
        using var conv = new BotConversation(channelId: Microsoft.Bot.Connector.Channels.Msteams);
        await conv.SendAsync("Foods with magnesium");
        await conv.SendAsync("yes");
        var ask = Assert.Single(await conv.SendAsync("28"));
        Assert.Null(ask.SuggestedActions);
        Assert.Equal(["Female", "Male", "Pregnant", "Breastfeeding", "Prefer not to say"], ask.AllButtonsOf());
        var replies = await conv.SendAsync("Pregnant");
        Assert.Contains("**350 mg a day**", replies[0].Text);
        Assert.All(replies, r => Assert.True((r.SuggestedActions?.Actions?.Count ?? 0) <= 3));
    }

    [Fact]
    public async Task Declining_the_share_ends_with_follow_ups()
    {
        using var conv = new BotConversation();
        await conv.SendAsync("Foods with magnesium");
        var replies = await conv.SendAsync("no thanks");
        Assert.Equal(Text(conv, "topic.next"), Single(replies));
        Assert.Equal(["How much magnesium?", "Supplement forms", "Side effects and cautions"], replies[0].AllButtonsOf());
    }

    // (answers given to reach the prompt, a bad answer, the retry wording's key)
    public static TheoryData<string[], string, string> Reprompts => new()
    {
        { ["Foods with magnesium"], "perhaps", "foods.share.retry" },
        { ["Foods with magnesium", "yes"], "old enough", "foods.age.retry" },
        { ["Foods with magnesium", "yes"], "0", "foods.age.retry" },
        { ["Foods with magnesium", "yes"], "300", "foods.age.retry" },
        { ["Foods with magnesium", "yes", "34"], "blue", "foods.sex.retry" },
    };

    [Theory]
    [MemberData(nameof(Reprompts))]
    public async Task Unusable_answer_gets_a_hint_and_the_question_stays_open(string[] setup, string bad, string retryKey)
    {
        using var conv = new BotConversation();
        foreach (var s in setup) await conv.SendAsync(s);
        Assert.Equal(Text(conv, retryKey), Single(await conv.SendAsync(bad)));
        Assert.Equal(Text(conv, retryKey), Single(await conv.SendAsync(bad)));
    }

    [Theory]
    [MemberData(nameof(Reprompts))]
    public async Task Third_unusable_answer_gives_up_kindly_and_offers_topics(string[] setup, string bad, string retryKey)
    {
        using var conv = new BotConversation();
        foreach (var s in setup) await conv.SendAsync(s);
        await conv.SendAsync(bad);
        await conv.SendAsync(bad);
        var replies = await conv.SendAsync(bad);
        Assert.DoesNotContain(replies, r => r.Text == Text(conv, retryKey));
        Assert.Equal(Text(conv, "prompt.giveup"), replies[0].Text);
        Assert.Equal(Text(conv, "topic.next"), replies[^1].Text);
        Assert.Equal(3, replies[^1].SuggestedActions.Actions.Count);
        // The flow is over: a greeting is a greeting again, not an answer.
        Assert.Equal(Text(conv, "greeting.reply"), (await conv.SendAsync("hello"))[0].Text);
    }

    private static string Text(BotConversation conv, string key) =>
        conv.Services.GetRequiredService<ContentCatalog>().Text(key);

    private static string? Single(IReadOnlyList<Microsoft.Bot.Schema.IMessageActivity> replies) => Assert.Single(replies).Text;
}
