using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;

namespace MagBot.Dialogs.Tests.Support;

/// <summary>Reads what the bot stored for a test conversation, straight from its <see cref="IStorage"/>.</summary>
public static class StoredState
{
    public static string ConversationKey(TestAdapter adapter) =>
        $"{adapter.Conversation.ChannelId}/conversations/{adapter.Conversation.Conversation.Id}";

    public static string UserKey(TestAdapter adapter) =>
        $"{adapter.Conversation.ChannelId}/users/{adapter.Conversation.User.Id}";

    public static async Task<IDictionary<string, object>> ReadAsync(BotConversation conv, params string[] keys) =>
        await conv.Services.GetRequiredService<IStorage>().ReadAsync(keys);

    /// <summary>The stored dialog data of the conversation (the ConversationData JSON), or null.</summary>
    public static async Task<JObject?> ConversationDataAsync(BotConversation conv)
    {
        var key = ConversationKey(conv.Adapter);
        var items = await ReadAsync(conv, key);
        if (!items.TryGetValue(key, out var item)) return null;
        var json = item as JObject ?? JObject.FromObject(item);
        return json["MagBot.Conversation"] as JObject;
    }
}
