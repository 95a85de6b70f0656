using MagBot.Dialogs.Bot;
using MagBot.Dialogs.Engine;
using MagBot.Dialogs.Knowledge;
using MagBot.Dialogs.Tests.Support;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json;

namespace MagBot.Dialogs.Tests.Topics;

/// <summary>Conversation state survives being written as JSON and read back between any two turns.</summary>
public sealed class StateRoundTripTests
{
    public static TheoryData<string[], string> Flows => new()
    {
        { ["Foods with magnesium", "yes", "34", "female"], "At age 34 (female)" },
        { ["How much magnesium?", "yes", "2 g", "45"], "**2,000 mg a day is more than the upper limit**" },
        { ["Foods with magnesium", "yes", "tell me about fibromyalgia", "Yes, go back", "34", "male"], "At age 34 (male)" },
        { ["How much magnesium?", "yes", "lots", "help", "500 mg", "45"], "**500 mg a day is more than the upper limit**" },
    };

    [Theory]
    [MemberData(nameof(Flows))]
    public async Task Flow_continues_after_state_is_serialized_and_deserialized_every_turn(string[] turns, string expectedAtEnd)
    {
        using var conv = new BotConversation();
        var runner = conv.Services.GetRequiredService<ConversationRunner>();
        var adapter = new TestAdapter(Microsoft.Bot.Connector.Channels.Test);
        var settings = new JsonSerializerSettings { TypeNameHandling = TypeNameHandling.None };
        var json = JsonConvert.SerializeObject(new ConversationData(), settings);
        var lastTurn = new List<string>();

        foreach (var text in turns)
        {
            var data = JsonConvert.DeserializeObject<ConversationData>(json, settings)!;
            using var turn = new TurnContext(adapter, adapter.MakeActivity(text));
            await runner.OnMessageAsync(turn, data);
            json = JsonConvert.SerializeObject(data, settings);
            Assert.DoesNotContain("$type", json);
            lastTurn.Clear();
            while (adapter.GetNextReply() is IMessageActivity reply) lastTurn.Add(reply.Text ?? string.Empty);
        }
        Assert.Contains(lastTurn, t => t.StartsWith(expectedAtEnd, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Changes_made_after_state_was_first_stored_are_saved()
    {
        // Regression: BotState hands back a converted copy of stored JSON; the handler must set it back,
        // or every turn after the first stored one loses its changes (here: the open age question).
        using var conv = new BotConversation();
        await conv.JoinAsync();
        await conv.SendAsync("Foods with magnesium");
        await conv.SendAsync("yes");
        var replies = await conv.SendAsync("34");
        var content = conv.Services.GetRequiredService<ContentCatalog>();
        Assert.Equal(content.Text("foods.sex.ask"), Assert.Single(replies).Text);
    }
}
