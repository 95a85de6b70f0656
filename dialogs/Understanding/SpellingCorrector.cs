using System.Text;

namespace MagBot.Dialogs.Understanding;

/// <summary>
/// Repairs the casual spellings a rules file cares about, on <see cref="PhraseText"/>-normalized text:
/// listed variants are replaced ("hedache" → "headache", "wanna" → "want to"), and a word of seven or
/// more letters one edit (or one swap of neighbours) away from a vocabulary word with the same first
/// letter is taken as that word ("numbnes", "suicdal"). The first-letter rule keeps "painted" from
/// becoming "fainted".
/// </summary>
public sealed class SpellingCorrector(IReadOnlyDictionary<string, string> variants, IEnumerable<string> vocabulary)
{
    private const int MinFuzzyLength = 7;

    private readonly HashSet<string> _vocabulary = new(vocabulary.Where(v => v.Length >= MinFuzzyLength), StringComparer.Ordinal);
    private readonly ILookup<char, string> _byFirstLetter = vocabulary.Where(v => v.Length >= MinFuzzyLength).ToLookup(v => v[0]);

    public static SpellingCorrector None { get; } = new(new Dictionary<string, string>(), []);

    public string Correct(string normalized)
    {
        var words = normalized.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var sb = new StringBuilder(normalized.Length + 16).Append(' ');
        foreach (var word in words)
        {
            sb.Append(Fix(word)).Append(' ');
        }
        return sb.ToString();
    }

    private string Fix(string word)
    {
        if (variants.TryGetValue(word, out var replacement)) return replacement;
        if (word.Length < MinFuzzyLength || _vocabulary.Contains(word) || !char.IsLetter(word[0])) return word;
        foreach (var candidate in _byFirstLetter[word[0]])
        {
            if (Math.Abs(candidate.Length - word.Length) <= 1 && WithinOneEdit(word, candidate)) return candidate;
        }
        return word;
    }

    /// <summary>Optimal string alignment distance ≤ 1: one insertion, deletion, substitution or swap of neighbours.</summary>
    internal static bool WithinOneEdit(string a, string b)
    {
        if (a == b) return true;
        if (a.Length == b.Length)
        {
            var diffs = new List<int>(3);
            for (var i = 0; i < a.Length && diffs.Count <= 2; i++)
            {
                if (a[i] != b[i]) diffs.Add(i);
            }
            if (diffs.Count == 1) return true;
            return diffs.Count == 2 && diffs[1] == diffs[0] + 1 && a[diffs[0]] == b[diffs[1]] && a[diffs[1]] == b[diffs[0]];
        }
        var (shorter, longer) = a.Length < b.Length ? (a, b) : (b, a);
        if (longer.Length - shorter.Length != 1) return false;
        var skipped = false;
        for (int i = 0, j = 0; i < shorter.Length; j++)
        {
            if (shorter[i] == longer[j]) { i++; continue; }
            if (skipped) return false;
            skipped = true;
        }
        return true;
    }
}
