using MagBot.Dialogs.Replies;

namespace MagBot.Dialogs.Safety;

/// <summary>
/// Looks at every message, at any dialog depth, before anything else. When it finds a red flag
/// (an emergency, a crisis, a suspected overdose) its reply is sent first and the current flow stops.
/// </summary>
public interface ISafetyScreen
{
    /// <summary>The urgent reply for <paramref name="text"/>, or null when nothing in it is a red flag.</summary>
    SafetyAlert? Screen(string? text);
}

/// <summary>A red flag that was found: which rule (for logs and tests; never the user's text) and the urgent replies.</summary>
public sealed record SafetyAlert(string RuleId, IReadOnlyList<Reply> Replies);
