using Microsoft.Bot.Schema;
using Microsoft.Extensions.Options;

namespace MagBot.Security;

/// <summary>
/// Rate limits on <c>/api/messages</c> per conversation and per user, never per source address: every Teams
/// and Direct Line request reaches the bot from the channel service's own addresses, so a per-address limit
/// would throttle everyone at once. Sliding windows (five segments), so a burst cannot double the rate at a
/// window's edge. A refused turn uses up nothing. Counts are held in memory by this instance; with several
/// instances each enforces its own share.
/// </summary>
/// <remarks>
/// Counted here rather than with System.Threading.RateLimiting's partitioned limiter: that one replenishes
/// every partition on a timer ten times a second, which under load (one partition per conversation and per
/// user) cost more processor time than the whole edge. Here a window is brought up to date only when its
/// conversation or user sends, and windows idle for a whole window are dropped once per window.
/// </remarks>
public sealed class TurnRateLimiter
{
    private readonly SlidingWindowCounter _conversations;
    private readonly SlidingWindowCounter _users;

    public TurnRateLimiter(IOptions<EdgeLimitsOptions> options, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var limits = options.Value;
        time ??= TimeProvider.System;
        _conversations = new SlidingWindowCounter(limits.TurnsPerConversation, limits.Window, time, limits.MaxTrackedKeys);
        _users = new SlidingWindowCounter(limits.TurnsPerUser, limits.Window, time, limits.MaxTrackedKeys);
    }

    /// <summary>Windows currently held (for tests: idle ones must be dropped).</summary>
    public int TrackedWindows => _conversations.Count + _users.Count;

    /// <summary>Windows dropped before they were idle, to stay within <see cref="EdgeLimitsOptions.MaxTrackedKeys"/>.</summary>
    public long EvictedWindows => _conversations.Evictions + _users.Evictions;

    /// <summary>Takes one turn from the activity's conversation and user; when either is used up, takes nothing
    /// and says how long to wait.</summary>
    public bool TryAcquire(Activity activity, out TimeSpan retryAfter)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var conversation = _conversations.Window($"{activity.ChannelId}\n{activity.Conversation?.Id}");
        var user = _users.Window($"{activity.ChannelId}\n{activity.From?.Id}");
        // Always conversation first, then user: one order, so two turns can never wait on each other.
        lock (conversation)
        {
            lock (user)
            {
                var waitConversation = _conversations.WaitBeforeNext(conversation);
                var waitUser = _users.WaitBeforeNext(user);
                if (waitConversation > TimeSpan.Zero || waitUser > TimeSpan.Zero)
                {
                    retryAfter = waitConversation > waitUser ? waitConversation : waitUser;
                    return false;
                }
                _conversations.Take(conversation);
                _users.Take(user);
            }
        }
        retryAfter = TimeSpan.Zero;
        return true;
    }
}
