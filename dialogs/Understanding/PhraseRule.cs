using System.Text.RegularExpressions;

namespace MagBot.Dialogs.Understanding;

/// <summary>
/// A rule over <see cref="PhraseText"/>-normalized text, written as data (red flags, forbidden claims).
/// It matches when any of its alternatives matches; an alternative is one or more patterns that must
/// all occur, in any order (co-occurrence: "headache" + "fever" + "stiff neck"). Before matching,
/// <see cref="Mask"/> patterns are blanked out (idioms such as "dying to know"), and any
/// <see cref="Unless"/> pattern vetoes the rule. When <see cref="Negatable"/>, a pattern occurrence
/// that a negation governs ("no fever", "I don't have a stiff neck or fever") does not count.
/// </summary>
public sealed class PhraseRule(
    string id,
    IReadOnlyList<IReadOnlyList<Regex>> alternatives,
    IReadOnlyList<Regex> unless,
    IReadOnlyList<Regex> mask,
    bool negatable)
{
    public string Id { get; } = id;
    public IReadOnlyList<IReadOnlyList<Regex>> Alternatives { get; } = alternatives;
    public IReadOnlyList<Regex> Unless { get; } = unless;
    public IReadOnlyList<Regex> Mask { get; } = mask;
    public bool Negatable { get; } = negatable;

    /// <summary>True when the rule matches <paramref name="normalized"/> (output of <see cref="PhraseText.Normalize"/>).</summary>
    public bool Matches(string normalized)
    {
        var text = normalized;
        foreach (var m in Mask) text = m.Replace(text, " ");
        foreach (var u in Unless)
        {
            if (u.IsMatch(text)) return false;
        }
        foreach (var alternative in Alternatives)
        {
            if (alternative.All(r => Occurs(r, text))) return true;
        }
        return false;
    }

    private bool Occurs(Regex pattern, string text)
    {
        if (!Negatable) return pattern.IsMatch(text);
        foreach (var m in pattern.EnumerateMatches(text))
        {
            if (!Negation.Governs(text, m.Index)) return true;
        }
        return false;
    }
}
