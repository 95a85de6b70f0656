using MagBot.Dialogs.Tests.Support;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;
using static MagBot.Dialogs.Tests.Safety.SafetyAtEveryDepthTests;

namespace MagBot.Dialogs.Tests.Bot;

/// <summary>"Delete my data" / "forget me" at any depth erases the conversation's and the user's stored state.</summary>
public sealed class DeleteMyDataTests
{
    public static TheoryData<Depth, string> Rows()
    {
        var rows = new TheoryData<Depth, string>();
        foreach (var depth in new[] { Depth.Idle, Depth.InsideTopicPrompt, Depth.InsideResumeOffer, Depth.AfterPromptRetry })
            foreach (var text in new[] { "delete my data", "forget me", "Please DELETE MY DATA!" })
                rows.Add(depth, text);
        return rows;
    }

    [Theory]
    [MemberData(nameof(Rows))]
    public async Task Delete_request_erases_conversation_and_user_state(Depth depth, string text)
    {
        using var conv = new BotConversation(configure: ProbeTopics.Configure);
        await GoToAsync(conv, depth);
        var storage = conv.Services.GetRequiredService<IStorage>();
        var conversationKey = StoredState.ConversationKey(conv.Adapter);
        var userKey = StoredState.UserKey(conv.Adapter);
        // Something stored about the user (what a profile would hold), next to the conversation.
        await storage.WriteAsync(new Dictionary<string, object> { [userKey] = new JObject { ["MagBot.Profile"] = new JObject { ["age"] = 44 }, ["eTag"] = "*" } });
        Assert.Equal(2, (await storage.ReadAsync([conversationKey, userKey])).Count);

        var replies = await conv.SendAsync(text);

        Assert.Contains("deleted everything", replies.AllText());
        Assert.Empty(await storage.ReadAsync([conversationKey, userKey]));
    }

    [Fact]
    public async Task After_deletion_the_next_message_starts_a_fresh_conversation()
    {
        using var conv = new BotConversation(configure: ProbeTopics.Configure);
        await GoToAsync(conv, Depth.InsideTopicPrompt);
        await conv.SendAsync("forget me");
        var next = await conv.SendAsync("200");
        Assert.DoesNotContain(ProbeTopics.DoneText, next.AllText());
        Assert.NotEmpty(next);
    }
}
