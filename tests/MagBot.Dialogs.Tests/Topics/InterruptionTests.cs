using MagBot.Dialogs.Knowledge;
using MagBot.Dialogs.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace MagBot.Dialogs.Tests.Topics;

/// <summary>Help, cancel, start over and a new topic at every prompt of every topic flow.</summary>
public sealed class InterruptionTests
{
    /// <summary>A place in a flow: how to get there, the question waiting there, the flow's title, a good answer and what it leads to.</summary>
    public sealed record Depth(string Name, string[] Setup, string PromptKey, string TitleKey, string Answer, string Next)
    {
        public override string ToString() => Name;
    }

    public static TheoryData<Depth> Depths =>
    [
        new("foods: share?", ["Foods with magnesium"], "foods.share.ask", "topic.foods.title", "yes", "How old are you?"),
        new("foods: age", ["Foods with magnesium", "yes"], "foods.age.ask", "topic.foods.title", "34", "Which fits you?"),
        new("foods: sex", ["Foods with magnesium", "yes", "34"], "foods.sex.ask", "topic.foods.title", "female", "At age 34 (female)"),
        new("amounts: compare?", ["How much magnesium?"], "amounts.dose.offer", "topic.amounts.title", "yes", "How much magnesium do you take"),
        // Issue 15: after the dose, the amounts topic asks the age (the limit depends on it).
        new("amounts: dose", ["How much magnesium?", "yes"], "amounts.dose.ask", "topic.amounts.title", "two hundred", "The limit depends on age"),
    ];

    [Theory]
    [MemberData(nameof(Depths))]
    public async Task Help_says_where_we_are_and_asks_again(Depth depth)
    {
        using var conv = await AtAsync(depth);
        var replies = await conv.SendAsync("help");
        Assert.Equal(Text(conv, "help.intro"), replies[0].Text);
        Assert.Equal($"Right now we are in: **{Text(conv, depth.TitleKey)}**.", replies[1].Text);
        Assert.Equal(Text(conv, depth.PromptKey), replies[^1].Text);
        Assert.Contains(depth.Next, (await conv.SendAsync(depth.Answer)).AllText());
    }

    [Theory]
    [MemberData(nameof(Depths))]
    public async Task Cancel_stops_the_flow(Depth depth)
    {
        using var conv = await AtAsync(depth);
        var replies = await conv.SendAsync("cancel");
        Assert.Equal(Text(conv, "cancel.done"), Assert.Single(replies).Text);
        Assert.DoesNotContain(depth.Next, (await conv.SendAsync(depth.Answer)).AllText());
    }

    [Theory]
    [MemberData(nameof(Depths))]
    public async Task Delete_my_data_forgets_the_flow(Depth depth)
    {
        using var conv = await AtAsync(depth);
        Assert.Equal(Text(conv, "delete.done"), Assert.Single(await conv.SendAsync("delete my data")).Text);
        Assert.DoesNotContain(depth.Next, (await conv.SendAsync(depth.Answer)).AllText());
    }

    [Theory]
    [MemberData(nameof(Depths))]
    public async Task Start_over_returns_to_the_menu(Depth depth)
    {
        using var conv = await AtAsync(depth);
        var replies = await conv.SendAsync("start over");
        Assert.Equal(Text(conv, "startover.done"), replies[0].Text);
        Assert.Equal(Text(conv, "welcome.choose"), replies[1].Text);
        Assert.DoesNotContain(depth.Next, (await conv.SendAsync(depth.Answer)).AllText());
    }

    [Theory]
    [MemberData(nameof(Depths))]
    public async Task New_topic_mid_prompt_answers_then_offers_to_go_back_and_yes_restores_the_question(Depth depth)
    {
        using var conv = await AtAsync(depth);
        var side = await conv.SendAsync("tell me about fibromyalgia");
        Assert.Equal(Text(conv, "fibromyalgia.trial"), side[0].Text);
        Assert.Equal($"Would you like to go back to **{Text(conv, depth.TitleKey)}**?", side[^1].Text);

        var back = await conv.SendAsync("Yes, go back");
        Assert.Equal(Text(conv, depth.PromptKey), Assert.Single(back).Text);
        Assert.Contains(depth.Next, (await conv.SendAsync(depth.Answer)).AllText());
    }

    [Theory]
    [MemberData(nameof(Depths))]
    public async Task New_topic_mid_prompt_then_no_leaves_the_flow(Depth depth)
    {
        using var conv = await AtAsync(depth);
        await conv.SendAsync("what are the side effects");
        Assert.Equal(Text(conv, "cancel.done"), (await conv.SendAsync("No, thanks"))[0].Text);
        Assert.DoesNotContain(depth.Next, (await conv.SendAsync(depth.Answer)).AllText());
    }

    [Fact]
    public async Task Side_question_that_asks_its_own_question_offers_the_left_flow_back_when_it_ends()
    {
        using var conv = await AtAsync(FoodsAgeDepth);
        var side = await conv.SendAsync("How much magnesium?");
        Assert.Equal(Text(conv, "amounts.dose.offer"), side[^1].Text);
        var ended = await conv.SendAsync("No, thanks");
        Assert.Equal(Text(conv, "topic.next"), ended[0].Text);
        Assert.Equal($"Would you like to go back to **{Text(conv, "topic.foods.title")}**?", ended[^1].Text);
        Assert.Equal(Text(conv, "foods.age.ask"), Assert.Single(await conv.SendAsync("yes")).Text);
        Assert.Equal(Text(conv, "foods.sex.ask"), Assert.Single(await conv.SendAsync("52")).Text);
    }

    private static readonly Depth FoodsAgeDepth = new("foods: age", ["Foods with magnesium", "yes"], "foods.age.ask", "topic.foods.title", "34", "Which fits you?");

    private static async Task<BotConversation> AtAsync(Depth depth)
    {
        var conv = new BotConversation();
        await conv.JoinAsync();
        IReadOnlyList<Microsoft.Bot.Schema.IMessageActivity> last = [];
        foreach (var s in depth.Setup) last = await conv.SendAsync(s);
        Assert.Equal(Text(conv, depth.PromptKey), last[^1].Text);
        return conv;
    }

    private static string Text(BotConversation conv, string key) =>
        conv.Services.GetRequiredService<ContentCatalog>().Text(key);
}
