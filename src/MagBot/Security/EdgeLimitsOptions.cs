using System.ComponentModel.DataAnnotations;

namespace MagBot.Security;

/// <summary>Limits on <c>/api/messages</c> (section <c>MagBot:Limits</c>). The defaults are far above what a
/// person typing produces, so only a flood or a broken client meets them.</summary>
public sealed class EdgeLimitsOptions
{
    public const string SectionName = "MagBot:Limits";

    /// <summary>Largest request body accepted; larger gets 413. A Teams message with a card is a few KB.</summary>
    [Range(1024, 64 * 1024 * 1024)]
    public int MaxBodyBytes { get; set; } = 256 * 1024;

    /// <summary>Deepest JSON nesting accepted; deeper gets 400 (activities nest less than 20 levels).</summary>
    [Range(8, 256)]
    public int MaxJsonDepth { get; set; } = 64;

    /// <summary>Turns one conversation may start per <see cref="Window"/>.</summary>
    [Range(1, 100_000)]
    public int TurnsPerConversation { get; set; } = 30;

    /// <summary>Turns one user id may start per <see cref="Window"/>, over all their conversations.</summary>
    [Range(1, 100_000)]
    public int TurnsPerUser { get; set; } = 60;

    /// <summary>The most conversations, and the most users, whose windows are held at once. Idle windows are dropped
    /// once per window anyway; past this bound (a flood of new conversations) the least recently used go first,
    /// counted on <c>/healthz</c> with <c>MagBot:MemoryDiagnostics</c>. A window dropped early only forgets that
    /// key's recent turns. About 200 bytes a window.</summary>
    [Range(100, 10_000_000)]
    public int MaxTrackedKeys { get; set; } = 100_000;

    /// <summary>The sliding window the per-conversation and per-user limits count over.</summary>
    public TimeSpan Window { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Requests one client address may make per minute to the browser-facing endpoints
    /// (policy <see cref="BrowserRateLimit.PolicyName"/>).</summary>
    [Range(1, 100_000)]
    public int BrowserRequestsPerMinute { get; set; } = 60;
}
