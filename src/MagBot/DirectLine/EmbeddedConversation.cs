using Microsoft.Bot.Schema;

namespace MagBot.DirectLine;

/// <summary>
/// One conversation of the embedded Direct Line endpoint: the activities both sides sent, numbered so a
/// client can poll with a watermark (the number of the last activity it has seen), as Direct Line 3.0 does.
/// </summary>
public sealed class EmbeddedConversation(string id, string userId, int maxActivities, DateTimeOffset now)
{
    private readonly object _gate = new();
    private readonly LinkedList<(long Sequence, Activity Activity)> _activities = new();
    private long _sequence;

    public string Id { get; } = id;

    /// <summary>The user the conversation's tokens were issued to; activities from the page are sent as this user.</summary>
    public string UserId { get; } = userId;

    /// <summary>Turns of one conversation run one at a time, as the bot's state expects.</summary>
    public SemaphoreSlim TurnLock { get; } = new(1, 1);

    public DateTimeOffset LastUsed { get; private set; } = now;

    public void Touch(DateTimeOffset now) => LastUsed = now;

    /// <summary>Adds an activity, giving it the conversation's next id (<c>{conversationId}|0000007</c>).</summary>
    public string Append(Activity activity, DateTimeOffset now)
    {
        lock (_gate)
        {
            var sequence = ++_sequence;
            activity.Id = $"{Id}|{sequence:D7}";
            activity.Timestamp ??= now;
            _activities.AddLast((sequence, activity));
            while (_activities.Count > maxActivities) _activities.RemoveFirst();
            LastUsed = now;
            return activity.Id;
        }
    }

    /// <summary>Replaces an activity the bot updates (Bot Framework's UpdateActivity); false when it is gone.</summary>
    public bool Replace(Activity activity)
    {
        lock (_gate)
        {
            for (var node = _activities.First; node is not null; node = node.Next)
            {
                if (node.Value.Activity.Id != activity.Id) continue;
                node.Value = (node.Value.Sequence, activity);
                return true;
            }
            return false;
        }
    }

    /// <summary>The activities after <paramref name="watermark"/>, and the new watermark.</summary>
    public (IReadOnlyList<Activity> Activities, long Watermark) Since(long watermark)
    {
        lock (_gate)
        {
            var after = _activities.Where(a => a.Sequence > watermark).Select(a => a.Activity).ToList();
            // A watermark from the future (a stale tab after a restart) is reset to ours, so polling goes on.
            return (after, _sequence);
        }
    }
}
