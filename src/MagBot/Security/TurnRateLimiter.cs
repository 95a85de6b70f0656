using System.Threading.RateLimiting;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Options;

namespace MagBot.Security;

/// <summary>
/// Rate limits on <c>/api/messages</c> per conversation and per user, never per source address: every Teams
/// and Direct Line request reaches the bot from the channel service's own addresses, so a per-address limit
/// would throttle everyone at once. Sliding windows, so a burst cannot double the rate at a window's edge.
/// Partitions are held in memory by this instance; with several instances each enforces its own share.
/// </summary>
public sealed class TurnRateLimiter : IDisposable
{
    private readonly PartitionedRateLimiter<Activity> _limiter;

    public TurnRateLimiter(IOptions<EdgeLimitsOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var limits = options.Value;
        var perConversation = PartitionedRateLimiter.Create<Activity, string>(a => RateLimitPartition.GetSlidingWindowLimiter(
            $"{a.ChannelId}\n{a.Conversation.Id}", _ => Window(limits.TurnsPerConversation, limits.Window)));
        var perUser = PartitionedRateLimiter.Create<Activity, string>(a => RateLimitPartition.GetSlidingWindowLimiter(
            $"{a.ChannelId}\n{a.From.Id}", _ => Window(limits.TurnsPerUser, limits.Window)));
        _limiter = PartitionedRateLimiter.CreateChained(perConversation, perUser);
    }

    /// <summary>Takes one turn from the activity's conversation and user; when either is used up, says how long to wait.</summary>
    public bool TryAcquire(Activity activity, out TimeSpan retryAfter)
    {
        ArgumentNullException.ThrowIfNull(activity);
        using var lease = _limiter.AttemptAcquire(activity);
        if (lease.IsAcquired)
        {
            retryAfter = TimeSpan.Zero;
            return true;
        }
        retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(1);
        return false;
    }

    private static SlidingWindowRateLimiterOptions Window(int permits, TimeSpan window) => new()
    {
        PermitLimit = permits,
        Window = window,
        SegmentsPerWindow = 5,
        QueueLimit = 0,
        AutoReplenishment = true,
    };

    public void Dispose() => _limiter.Dispose();
}
