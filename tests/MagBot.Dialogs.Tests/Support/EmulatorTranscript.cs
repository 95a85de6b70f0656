using Microsoft.Bot.Schema;
using Newtonsoft.Json;

namespace MagBot.Dialogs.Tests.Support;

/// <summary>
/// Conversation transcripts in the Bot Framework Emulator's <c>.transcript</c> format: a JSON array of
/// Activity objects, the user's with <c>from.role = "user"</c>, the bot's with <c>from.role = "bot"</c>.
/// <see cref="RecordAsync"/> runs a script against the real bot and writes what happened;
/// <see cref="ReplayAsync"/> sends the file's user activities to a fresh bot and lists every bot reply
/// whose text or button titles differ from the file, in order.
/// </summary>
public static class EmulatorTranscript
{
    public const string ChannelId = "emulator";
    public const string JoinStep = "<join>";

    private static readonly ChannelAccount User = new("user1", "User", "user");
    private static readonly ChannelAccount Bot = new("magbot", "MagBot", "bot");
    private static readonly ConversationAccount Conversation = new(id: "transcript");
    private static readonly DateTimeOffset Start = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);

    private static readonly JsonSerializerSettings Json = new()
    {
        NullValueHandling = NullValueHandling.Ignore,
        Formatting = Formatting.Indented,
        TypeNameHandling = TypeNameHandling.None,
    };

    /// <summary>Runs <paramref name="steps"/> (user texts, or <see cref="JoinStep"/>) and returns the transcript JSON.</summary>
    public static async Task<string> RecordAsync(IEnumerable<string> steps)
    {
        using var conv = new BotConversation(channelId: ChannelId);
        var activities = new List<Activity>();
        foreach (var step in steps)
        {
            var user = UserActivity(step, activities.Count);
            activities.Add(user);
            var replies = step == JoinStep ? await conv.JoinAsync() : await conv.SendAsync(step);
            foreach (var reply in replies.Cast<Activity>())
            {
                activities.Add(new Activity
                {
                    Type = ActivityTypes.Message,
                    Id = $"a{activities.Count}",
                    Timestamp = Start.AddSeconds(activities.Count),
                    ChannelId = ChannelId,
                    From = Bot,
                    Recipient = User,
                    Conversation = Conversation,
                    ReplyToId = user.Id,
                    Text = reply.Text,
                    TextFormat = reply.TextFormat,
                    InputHint = reply.InputHint,
                    SuggestedActions = reply.SuggestedActions,
                    Attachments = reply.Attachments is { Count: > 0 } ? reply.Attachments : null,
                });
            }
        }
        return JsonConvert.SerializeObject(activities, Json) + "\n";
    }

    /// <summary>Replays <paramref name="transcriptJson"/> and returns the differences (empty when the bot says exactly what was recorded).</summary>
    public static async Task<IReadOnlyList<string>> ReplayAsync(string transcriptJson)
    {
        var recorded = JsonConvert.DeserializeObject<List<Activity>>(transcriptJson, Json)
            ?? throw new InvalidDataException("A transcript is a JSON array of activities.");
        using var conv = new BotConversation(channelId: ChannelId);
        var differences = new List<string>();
        for (var i = 0; i < recorded.Count; i++)
        {
            var user = recorded[i];
            if (user.From?.Role != "user") continue;
            var expected = recorded.Skip(i + 1).TakeWhile(a => a.From?.Role == "bot").ToList();
            var actual = user.Type == ActivityTypes.ConversationUpdate
                ? await conv.JoinAsync()
                : await conv.SendAsync(user.Text ?? string.Empty);
            var said = user.Type == ActivityTypes.ConversationUpdate ? "(user joins)" : $"\"{user.Text}\"";
            for (var r = 0; r < Math.Max(expected.Count, actual.Count); r++)
            {
                var want = r < expected.Count ? Describe(expected[r]) : "(no reply)";
                var got = r < actual.Count ? Describe(actual[r]) : "(no reply)";
                if (want != got) differences.Add($"After {said}, reply {r + 1}:\n  expected: {want}\n  actual:   {got}");
            }
        }
        return differences;
    }

    private static Activity UserActivity(string step, int index)
    {
        var activity = step == JoinStep
            ? new Activity { Type = ActivityTypes.ConversationUpdate, MembersAdded = [Bot, User] }
            : new Activity { Type = ActivityTypes.Message, Text = step, TextFormat = TextFormatTypes.Plain };
        activity.Id = $"a{index}";
        activity.Timestamp = Start.AddSeconds(index);
        activity.ChannelId = ChannelId;
        activity.From = User;
        activity.Recipient = Bot;
        activity.Conversation = Conversation;
        activity.Locale = "en-US";
        return activity;
    }

    private static string Describe(IMessageActivity a) =>
        JsonConvert.SerializeObject(new { a.Text, Buttons = BotTester.Buttons(a) });
}
