namespace MagBot.Dialogs.Understanding;

/// <summary>
/// Whether a negation governs the words at a position: a negator earlier in the same clause
/// ("no fever", "I don't have a stiff neck or fever", "without any weakness"). The clause ends at a
/// sentence break or a word that turns it ("but", "now", "if", "suddenly"…), so "I don't usually get
/// headaches but now…" and "not sure if this matters, my face is drooping" are not negated.
/// Deliberately not negators: "can't"/"cannot" ("can't feel my arm" is the symptom) and "no longer".
/// </summary>
public static class Negation
{
    private const int MaxScopeWords = 8;

    private static readonly HashSet<string> Negators = new(StringComparer.Ordinal)
    {
        "no", "not", "never", "without", "nor", "neither", "dont", "doesnt", "didnt", "isnt", "arent", "wasnt",
        "werent", "havent", "hasnt", "hadnt", "wont", "wouldnt", "denies", "deny", "nothing", "none",
    };

    private static readonly HashSet<string> ClauseTurns = new(StringComparer.Ordinal)
    {
        PhraseText.SentenceBreak, "but", "though", "although", "however", "except", "yet", "if", "when", "whether",
        "because", "since", "so", "now", "then", "suddenly", "instead",
    };

    /// <summary>True when a negator earlier in the same clause governs the text at <paramref name="index"/>.</summary>
    public static bool Governs(string normalized, int index)
    {
        var words = 0;
        var end = index;
        while (words < MaxScopeWords)
        {
            while (end > 0 && normalized[end - 1] == ' ') end--;
            if (end == 0) return false;
            var start = normalized.LastIndexOf(' ', end - 1) + 1;
            var word = normalized[start..end];
            if (ClauseTurns.Contains(word)) return false;
            if (Negators.Contains(word) && !IsNoLonger(normalized, end, word)) return true;
            end = start;
            words++;
        }
        return false;
    }

    private static bool IsNoLonger(string normalized, int wordEnd, string word) =>
        word == "no" && normalized.AsSpan(wordEnd).TrimStart(' ').StartsWith("longer", StringComparison.Ordinal);
}
