using System.ComponentModel.DataAnnotations;

namespace MagBot.Bot;

/// <summary>How replies to the channel are retried (section <c>MagBot:ChannelRetry</c>).</summary>
public sealed class ChannelRetryOptions
{
    public const string SectionName = "MagBot:ChannelRetry";

    /// <summary>Retries after the first attempt; then the failure is logged and the turn's error handler runs.</summary>
    [Range(0, 10)]
    public int MaxRetries { get; set; } = 4;

    /// <summary>First backoff; doubles each retry, with full jitter.</summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>The longest MagBot waits before one retry, whether from backoff or a Retry-After header.
    /// A channel asking for longer is not retried: the user would be long gone.</summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(15);
}
