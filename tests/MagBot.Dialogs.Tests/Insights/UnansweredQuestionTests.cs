using MagBot.Dialogs.Insights;
using MagBot.Dialogs.Knowledge;
using MagBot.Dialogs.Tests.Support;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace MagBot.Dialogs.Tests.Insights;

/// <summary>Unanswered questions (issue 19, item 5): off by default; when on, kept redacted, expiring, erased by forget me.</summary>
public sealed class UnansweredQuestionTests
{
    // No word of it may reach a topic: with WordNet synonyms "cat ... eat" read as a food question (clarified).
    private const string Unplaceable = "can my parrot Whiskers juggle zzqx florp, ask Priya on 555 123 4567";

    private static Dictionary<string, string?> Keep(string retention = "30.00:00:00") => new()
    {
        ["Insights:KeepUnanswered"] = "true",
        ["Insights:Retention"] = retention,
    };

    [Fact]
    public async Task Off_by_default_nothing_is_kept()
    {
        using var conv = new BotConversation();
        await conv.JoinAsync();
        await conv.SendAsync(Unplaceable);
        Assert.Empty((await Store(conv).ReadAllAsync()).Unanswered);
        Assert.Empty(await conv.Services.GetRequiredService<IStorage>().ReadAsync([InsightStore.StorageKey]));
    }

    [Fact]
    public async Task When_on_a_message_MagBot_cannot_place_is_kept_redacted_and_a_topic_is_not()
    {
        using var conv = new BotConversation(Keep());
        await conv.JoinAsync();
        var replies = await conv.SendAsync(Unplaceable);
        Assert.Equal(Text(conv, "none.reply"), replies[0].Text);
        await conv.SendAsync("Magnesium and migraine");

        var kept = Assert.Single((await Store(conv).ReadAllAsync()).Unanswered);
        Assert.Equal("can my parrot [name] juggle zzqx florp, ask [name] on [phone]", kept.Text);
        Assert.Equal("none", kept.Kind);
    }

    [Fact]
    public async Task Kept_questions_expire_after_the_retention()
    {
        var clock = new ManualClock(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));
        using var conv = new BotConversation(Keep("2.00:00:00"), configure: s => s.AddSingleton<TimeProvider>(clock));
        await conv.JoinAsync();
        await conv.SendAsync(Unplaceable);
        Assert.Single((await Store(conv).ReadAllAsync()).Unanswered);

        clock.Advance(TimeSpan.FromDays(2) + TimeSpan.FromMinutes(1));
        Assert.Empty((await Store(conv).ReadAllAsync()).Unanswered);
    }

    [Fact]
    public async Task Forget_me_erases_this_persons_questions_and_comments_and_no_one_elses()
    {
        var settings = new Dictionary<string, string?>(Keep()) { ["Insights:CollectFeedbackComments"] = "true" };
        using var conv = new BotConversation(settings);
        await conv.JoinAsync();
        await conv.SendAsync(Unplaceable);
        await conv.SendAsync("Magnesium and migraine");
        await conv.SendAsync("feedback not helpful, too long");
        // Another person's question in the same store.
        var store = Store(conv);
        await store.AddUnansweredAsync(new InsightOwner("someone-else", "another-person"), "what about [name]", "none", "none");

        var known = (await conv.SendAsync("what do you know about me"))[0].Text!;
        Assert.Contains(Say(conv, "mydata.unanswered", "1"), known);
        Assert.Contains(Say(conv, "mydata.comments", "1"), known);

        Assert.Equal(Text(conv, "delete.done"), (await conv.SendAsync("forget me"))[0].Text);

        var left = await store.ReadAllAsync();
        Assert.Empty(left.Comments);
        Assert.Equal("what about [name]", Assert.Single(left.Unanswered).Text);
        Assert.Equal(Text(conv, "mydata.nothing"), (await conv.SendAsync("what do you know about me"))[0].Text);
    }

    [Fact]
    public async Task The_list_keeps_at_most_MaxItems_the_oldest_go_first()
    {
        var settings = new Dictionary<string, string?>(Keep()) { ["Insights:MaxItems"] = "2" };
        using var conv = new BotConversation(settings);
        await conv.JoinAsync();
        foreach (var text in new[] { "zzqx florp", "qqvv blarg", "wibble wobble quux" }) await conv.SendAsync(text);
        Assert.Equal(["qqvv blarg", "wibble wobble quux"], (await Store(conv).ReadAllAsync()).Unanswered.Select(q => q.Text));
    }

    private static InsightStore Store(BotConversation conv) => conv.Services.GetRequiredService<InsightStore>();

    private static string Text(BotConversation conv, string key) => conv.Services.GetRequiredService<ContentCatalog>().Text(key);

    private static string Say(BotConversation conv, string key, string count) =>
        conv.Services.GetRequiredService<ContentCatalog>().Text(key, new Dictionary<string, string?> { ["count"] = count });
}
