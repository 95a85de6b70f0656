using System.Text.RegularExpressions;
using MagBot.Dialogs.Understanding;

namespace MagBot.Dialogs.Safety;

/// <summary>
/// Rules out, in a few passes over a message, the red-flag rules that cannot match it, so that an ordinary message
/// (no red flag: nearly all of them) costs a few regular-expression scans instead of one per pattern of every rule.
/// Sound by construction: a rule whose masks find nothing sees the prepared text unchanged, and then one of its
/// <c>when</c> alternatives can match only if every pattern of that alternative occurs (negation and <c>unless</c>
/// only take matches away). So a rule stays a candidate when one of its masks, or one pattern of each alternative
/// (its key), occurs; candidates are then judged by the full rule (<see cref="PhraseRule.Matches"/>), unchanged.
/// The keys and masks of all rules are joined into a few alternations, each small enough for the linear-time
/// engine's size limit; a rule is a candidate when an alternation holding one of its keys or masks matches.
/// </summary>
internal sealed class RedFlagPrefilter
{
    /// <summary>Pattern text per joined alternation. The linear-time engine refuses an automaton estimated above
    /// 10,000 nodes, about 3.5 per character of these patterns; an alternation it refuses is split in two.</summary>
    public const int DefaultLengthBudget = 2_400;

    private readonly (Regex Pattern, int[] Rules)[] _groups;
    private readonly IReadOnlyList<RedFlagRule> _rules;

    public RedFlagPrefilter(IReadOnlyList<RedFlagRule> rules, int lengthBudget = DefaultLengthBudget)
    {
        _rules = rules;
        var items = new List<(Regex Pattern, int Rule)>();
        for (var r = 0; r < rules.Count; r++)
        {
            var phrases = rules[r].Phrases;
            foreach (var pattern in phrases.Alternatives.Select(a => KeyOf(a, rules)).Concat(phrases.Mask).Distinct())
                items.Add((pattern, r));
        }
        var groups = new List<(Regex, int[])>();
        foreach (var batch in Batches(items, lengthBudget)) Join(batch, groups);
        _groups = [.. groups];
    }

    /// <summary>How many alternations a message is scanned with.</summary>
    public int GroupCount => _groups.Length;

    /// <summary>The rules that may match <paramref name="prepared"/>, in file order; empty when none can.</summary>
    public IReadOnlyList<RedFlagRule> Candidates(string prepared)
    {
        bool[]? candidate = null;
        foreach (var (pattern, rules) in _groups)
        {
            if (!pattern.IsMatch(prepared)) continue;
            candidate ??= new bool[_rules.Count];
            foreach (var r in rules) candidate[r] = true;
        }
        if (candidate is null) return [];
        var result = new List<RedFlagRule>();
        for (var r = 0; r < candidate.Length; r++)
        {
            if (candidate[r]) result.Add(_rules[r]);
        }
        return result;
    }

    /// <summary>
    /// The pattern of an alternative that other alternatives share least: generic context such as "{headache}" recurs
    /// across many rules, while the specific part ("double vision") is the rule's own and rarely in an ordinary message.
    /// Ties go to the later pattern. Any choice is sound; this one only decides how often a message needs the full rule.
    /// </summary>
    private static Regex KeyOf(IReadOnlyList<Regex> alternative, IReadOnlyList<RedFlagRule> rules)
    {
        Regex? key = null;
        var fewest = int.MaxValue;
        foreach (var pattern in alternative)
        {
            var shared = rules.Sum(r => r.Phrases.Alternatives.Count(a => a.Any(p => p.ToString() == pattern.ToString())));
            if (shared <= fewest)
            {
                key = pattern;
                fewest = shared;
            }
        }
        return key ?? throw new ArgumentException("A red-flag alternative has no pattern.", nameof(alternative));
    }

    private static IEnumerable<List<(Regex Pattern, int Rule)>> Batches(List<(Regex Pattern, int Rule)> items, int lengthBudget)
    {
        var batch = new List<(Regex, int)>();
        var length = 0;
        foreach (var item in items)
        {
            var itemLength = item.Pattern.ToString().Length;
            if (batch.Count > 0 && (length + itemLength > lengthBudget || !CanJoin(batch[0].Item1, item.Pattern)))
            {
                yield return batch;
                batch = [];
                length = 0;
            }
            batch.Add(item);
            length += itemLength;
        }
        if (batch.Count > 0) yield return batch;
    }

    /// <summary>Patterns join into one alternation when they are built alike and none refers to a group by number or name
    /// (joining renumbers groups).</summary>
    private static bool CanJoin(Regex first, Regex next) =>
        first.Options == next.Options && first.MatchTimeout == next.MatchTimeout
        && !GroupReference(first.ToString()) && !GroupReference(next.ToString());

    private static bool GroupReference(string pattern) =>
        pattern.Contains("\\k", StringComparison.Ordinal) || Enumerable.Range(1, 9).Any(d => pattern.Contains("\\" + d, StringComparison.Ordinal));

    private static void Join(List<(Regex Pattern, int Rule)> batch, List<(Regex, int[])> groups)
    {
        var rules = batch.Select(i => i.Rule).Distinct().ToArray();
        if (batch.Count == 1)
        {
            groups.Add((batch[0].Pattern, rules));
            return;
        }
        var first = batch[0].Pattern;
        try
        {
            var joined = string.Join("|", batch.Select(i => i.Pattern.ToString()).Distinct());
            groups.Add((new Regex(joined, first.Options, first.MatchTimeout), rules));
        }
        catch (NotSupportedException)
        {
            // Over the linear-time engine's size limit: two smaller alternations instead.
            var half = batch.Count / 2;
            Join(batch.GetRange(0, half), groups);
            Join(batch.GetRange(half, batch.Count - half), groups);
        }
    }
}
