using MagBot.Service.Tests.Support;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;

namespace MagBot.Service.Tests.Storage;

/// <summary>Simultaneous turns of one conversation on the embedded store: the in-process lock serialises them.</summary>
public sealed class ConversationLockTests
{
    [Fact]
    public async Task Simultaneous_turns_of_one_conversation_on_one_instance_lose_no_update()
    {
        const int turns = 12;
        await using var server = await StorageServers.StartAsync();
        var responses = await Task.WhenAll(Enumerable.Range(0, turns).Select(_ => server.ExpectRepliesAsync("conv-lock-memory", "hello")));
        Assert.All(responses, r => Assert.NotEmpty(r));

        var state = await server.Services.GetRequiredService<IStorage>().ReadAsync(["emulator/conversations/conv-lock-memory"]);
        var count = JObject.FromObject(state["emulator/conversations/conv-lock-memory"])[TurnCounterMiddleware.PropertyName]!.Value<int>("Count");
        Assert.Equal(turns, count);
    }
}
