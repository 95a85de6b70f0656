using MagBot.Service.Tests.Support;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Bot.Schema;

namespace MagBot.Service.Tests.Storage;

/// <summary>Bot Framework <c>ConversationState</c> over each MagBot store, turn after turn. The stores keep JSON
/// without type names, so a property read back is a copy that BotState does not keep; this guards the
/// <see cref="StatePropertyAccessorExtensions.GetForUpdateAsync"/> remedy the bot relies on.</summary>
public sealed class BotStateOverStoreTests(RedisServerFixture redis) : IClassFixture<RedisServerFixture>
{
    public sealed class Counter
    {
        public int Turns { get; set; }
    }

    private static ITurnContext Turn(TestAdapter adapter) => new TurnContext(adapter, new Activity
    {
        Type = ActivityTypes.Message,
        ChannelId = "test",
        Conversation = new ConversationAccount { Id = "conv-state" },
    });

    [Theory, MemberData(nameof(StorageContractTests.Providers), MemberType = typeof(StorageContractTests))]
    public async Task A_property_changed_in_every_turn_keeps_every_change(string provider)
    {
        await using var store = await StorageUnderTest.CreateAsync(provider, redis, TimeSpan.FromHours(1));
        var state = new ConversationState(store.Storage);
        var counter = state.CreateProperty<Counter>("counter");
        var adapter = new TestAdapter();
        for (var i = 0; i < 3; i++)
        {
            var turn = Turn(adapter);
            (await counter.GetForUpdateAsync(turn, () => new Counter())).Turns++;
            await state.SaveChangesAsync(turn);
        }
        Assert.Equal(3, (await counter.GetAsync(Turn(adapter), () => new Counter())).Turns);
    }
}
