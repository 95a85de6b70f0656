using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Bot.Connector;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace MagBot.Dialogs.Tests.Support;

/// <summary>
/// Turn-by-turn conversation tests over the Bot Framework's own <see cref="TestAdapter"/> and the same
/// bot the service runs: <c>BotTester.Flow().Send("hi").AssertReplyContains("MagBot")</c>.
/// </summary>
public static class BotTester
{
    /// <summary>A fresh bot (its own store) and a test flow on channel <paramref name="channelId"/>.</summary>
    public static TestFlow Flow(IDictionary<string, string?>? settings = null, string channelId = Channels.Test, Action<IServiceCollection>? configure = null) =>
        Flow(out _, settings, channelId, configure);

    public static TestFlow Flow(out ServiceProvider services, IDictionary<string, string?>? settings = null, string channelId = Channels.Test, Action<IServiceCollection>? configure = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings ?? new Dictionary<string, string?>()).Build();
        services = InProcessBot.Create(configuration, configure);
        var bot = services.GetRequiredService<IBot>();
        var adapter = new TestAdapter(channelId);
        return new TestFlow(adapter, bot.OnTurnAsync);
    }

    /// <summary>Asserts the next reply's text contains <paramref name="fragment"/> (case-insensitive).</summary>
    public static TestFlow AssertReplyContains(this TestFlow flow, string fragment, string? because = null) =>
        flow.AssertReply(a =>
        {
            var text = ((IMessageActivity)a).Text ?? string.Empty;
            Assert.True(text.Contains(fragment, StringComparison.OrdinalIgnoreCase),
                $"Expected a reply containing \"{fragment}\"{(because is null ? "" : " (" + because + ")")}, got: \"{text}\"");
        });

    /// <summary>Asserts the next reply offers a button titled <paramref name="title"/> (suggested action or card button).</summary>
    public static TestFlow AssertReplyHasButton(this TestFlow flow, string title) =>
        flow.AssertReply(a => Assert.Contains(title, Buttons((IMessageActivity)a)));

    public static IReadOnlyList<string> Buttons(IMessageActivity a) =>
        [.. (a.SuggestedActions?.Actions ?? []).Select(x => x.Title),
         .. (a.Attachments ?? []).Select(x => x.Content).OfType<HeroCard>().SelectMany(h => h.Buttons ?? []).Select(b => b.Title)];

    /// <summary>The welcome as the Emulator and Direct Line announce a user: conversationUpdate with the user added.</summary>
    public static Activity UserJoins(string userId = "user1") => new()
    {
        Type = ActivityTypes.ConversationUpdate,
        MembersAdded = [new ChannelAccount(userId, "User")],
    };
}
