using MagBot.Service.Tests.Support;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;
using static MagBot.Service.Tests.Support.StorageServers;

namespace MagBot.Service.Tests.Storage;

/// <summary>"delete my data" on the embedded store (the Redis case is in <see cref="SharedRedisTests"/>).</summary>
public sealed class DeleteMyDataTests
{
    private const string ConversationKey = "emulator/conversations/conv-forget";
    private const string UserKey = "emulator/users/user-1";

    [Theory]
    [InlineData("delete my data")]
    [InlineData("forget me")]
    public async Task Delete_my_data_erases_the_conversation_and_user_state_from_the_memory_store(string command)
    {
        await using var server = await StartAsync();
        var storage = server.Services.GetRequiredService<IStorage>();
        await server.ExpectRepliesAsync("conv-forget", FlowStart);
        await storage.WriteAsync(new Dictionary<string, object> { [UserKey] = new JObject { ["medicines"] = new JArray("x") } });
        Assert.Equal(2, (await storage.ReadAsync([ConversationKey, UserKey])).Count);

        Assert.Contains("deleted everything", Texts(await server.ExpectRepliesAsync("conv-forget", command)));

        Assert.Empty(await storage.ReadAsync([ConversationKey, UserKey]));
        // And the next message starts fresh rather than resuming the flow.
        Assert.DoesNotContain("Flow step", Texts(await server.ExpectRepliesAsync("conv-forget", "next")));
    }
}
