using MagBot.Dialogs.Knowledge;
using MagBot.Dialogs.Replies;
using Microsoft.Extensions.Options;

namespace MagBot.Dialogs.Safety;

/// <summary>
/// The safety screen: the red-flag rules of <c>red-flags.yaml</c> over every message. When any rule
/// matches, the urgent reply of its category is returned (and of a second category when the message
/// raises two, e.g. an overdose and thoughts of suicide), with the configured emergency, crisis and
/// poison-control numbers filled in. Replies carry none of the user's text.
/// With <paramref name="longMessageRules"/> (the same rules built for the linear-time engine), <paramref name="rules"/> are
/// built for the backtracking interpreter, which builds in milliseconds and a few MB, against over a second of processor
/// time and about 100 MB for the linear-time build (tests/perf/RESULTS.md). The interpreter reads a message of up to
/// <see cref="LongMessageLength"/> characters; a longer one, or one that makes a pattern time out <see cref="InterpreterAttempts"/> times, is read by the
/// linear-time rules, built when such a message first comes (PatternEngineEquivalenceTests: both find the same rules).
/// </summary>
public sealed class RedFlagScreen(RedFlagRuleSet rules, ContentCatalog content, IOptions<ClinicOptions> clinic, Lazy<RedFlagRuleSet>? longMessageRules = null)
    : ISafetyScreen
{
    /// <summary>At most this many urgent replies per message: more would bury the first.</summary>
    public const int MaxReplies = 2;

    /// <summary>Longer messages are read by the linear-time rules: on the interpreter, 100 KB took seconds.</summary>
    public const int LongMessageLength = 2_000;

    public SafetyAlert? Screen(string? text, string? locale = null)
    {
        var matched = Match(text);
        if (matched.Count == 0) return null;
        var args = clinic.Value.Placeholders();
        var categories = matched.Select(r => r.Category).DistinctBy(c => c.Name).Take(MaxReplies).ToList();
        var replies = categories.Select(c => new Reply { Text = content.Text(c.ReplyKey, args) }).ToList();
        return new SafetyAlert(matched[0].Id, [.. categories.Select(c => c.Name)], replies);
    }

    private IReadOnlyList<RedFlagRule> Match(string? text)
    {
        if (longMessageRules is null) return rules.Match(text);
        if ((text?.Length ?? 0) > LongMessageLength) return longMessageRules.Value.Match(text);
        // A timeout on a message of normal length is nearly always the machine, not the message: on a loaded host the thread
        // can be descheduled past the interpreter's 250 ms. Building the linear-time rules for it cost over 300 MB of heap
        // for the rest of the process (found in the soak: tests/perf/RESULTS.md), so the interpreter is asked again first.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return rules.Match(text);
            }
            catch (System.Text.RegularExpressions.RegexMatchTimeoutException) when (attempt < InterpreterAttempts)
            {
            }
            catch (System.Text.RegularExpressions.RegexMatchTimeoutException)
            {
                return longMessageRules.Value.Match(text); // too slow for the interpreter every time: never left unscreened
            }
        }
    }

    /// <summary>How many times a message of normal length is read by the interpreter before a timeout sends it to the
    /// linear-time rules (at most about 0.75 s more for a message that really is too slow for the interpreter).</summary>
    public const int InterpreterAttempts = 3;
}
