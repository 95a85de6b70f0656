using System.ComponentModel.DataAnnotations;

namespace MagBot.DirectLine;

/// <summary>
/// How the web chat page reaches the bot (section <c>DirectLine</c>). With a <see cref="Secret"/> the page
/// uses Azure's Direct Line service and the secret is exchanged server-side for a token; without one the
/// service's own embedded Direct Line endpoint (<c>/v3/directline</c>) carries the conversation.
/// </summary>
public sealed class DirectLineOptions
{
    public const string SectionName = "DirectLine";

    /// <summary>The Direct Line channel secret from the Azure Bot resource. Never sent to a browser.</summary>
    public string? Secret { get; set; }

    /// <summary>The Direct Line service (tests point it at a fake on loopback).</summary>
    [Required, Url]
    public string BaseUrl { get; set; } = "https://directline.botframework.com/v3/directline";

    /// <summary>Embedded mode: how long a token is valid; the page refreshes it before then.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00")]
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>Embedded mode: a conversation nobody has used for this long is forgotten.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "7.00:00:00")]
    public TimeSpan ConversationIdleTimeout { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Embedded mode: the most conversations kept at once (memory is bounded).</summary>
    [Range(1, 1_000_000)]
    public int MaxConversations { get; set; } = 5000;

    /// <summary>Embedded mode: the most activities one conversation keeps for polling (older ones are dropped). A whole
    /// medication check is about 30; 100 keeps a long chat's history for a reload, and bounds the channel's memory at
    /// <see cref="MaxConversations"/> × 100 activities (a few hundred bytes to a few KB each).</summary>
    [Range(10, 100_000)]
    public int MaxActivitiesPerConversation { get; set; } = 100;

    public bool UsesAzureDirectLine => !string.IsNullOrWhiteSpace(Secret);
}
