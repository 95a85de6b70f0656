using MagBot.Dialogs.Replies;

namespace MagBot.Dialogs.Safety;

/// <summary>
/// Looks at every message, at any dialog depth, before anything else. When it finds a red flag
/// (an emergency, a crisis, a suspected overdose) its reply is sent first and the current flow stops.
/// </summary>
public interface ISafetyScreen
{
    /// <summary>The urgent reply for <paramref name="text"/>, or null when nothing in it is a red flag.
    /// <paramref name="locale"/> is the channel's (the activity's <c>locale</c>), a hint to the message's language.</summary>
    SafetyAlert? Screen(string? text, string? locale = null);
}

/// <summary>A red flag that was found: which rule (for logs and tests; never the user's text), the categories it raised,
/// most urgent first (names as in red-flags.yaml), and the urgent replies.</summary>
public sealed record SafetyAlert(string RuleId, IReadOnlyList<string> Categories, IReadOnlyList<Reply> Replies)
{
    /// <summary>True when a rule raised it (precise); false when only the trained layer did.</summary>
    public bool ByRule { get; init; } = true;

    /// <summary>How likely the trained layer found an alarm (all alarm categories together); 1 for a rule.</summary>
    public float ModelAlarm { get; init; } = 1f;

    /// <summary>The most urgent category raised.</summary>
    public string Category => Categories[0];
}
