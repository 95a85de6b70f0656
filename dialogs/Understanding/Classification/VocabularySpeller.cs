namespace MagBot.Dialogs.Understanding.Classification;

/// <summary>
/// Maps an unknown word to the closest known word within an edit distance that grows with the word's
/// length (Damerau–Levenshtein: a swap of two letters counts once): none below 5 letters, where one
/// edit turns a word into another word ("lose" → "dose"); 1 up to 7 letters; 2 from 8. Ties go to the more frequent word.
/// "fibromyalga" → "fibromyalgia", "migrane" → "migraine", "magnesuim" → "magnesium".
/// A real word the model was not shown is mapped to a known word sharing its WordNet senses (<see cref="Synonym"/>).
/// </summary>
public sealed class VocabularySpeller
{
    private readonly Dictionary<string, int> _frequency;
    private readonly string[][] _byLength;

    public VocabularySpeller(IEnumerable<string> knownWords)
    {
        _frequency = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var w in knownWords)
        {
            _frequency[w] = _frequency.GetValueOrDefault(w) + 1;
        }
        var maxLength = _frequency.Keys.Select(k => k.Length).DefaultIfEmpty(0).Max();
        _byLength = new string[maxLength + 1][];
        for (var len = 0; len <= maxLength; len++)
        {
            _byLength[len] = [.. _frequency.Keys.Where(k => k.Length == len).OrderByDescending(k => _frequency[k]).ThenBy(k => k, StringComparer.Ordinal)];
        }
    }

    public bool IsKnown(string word) => _frequency.ContainsKey(word);

    /// <summary>The known word for <paramref name="word"/>: itself; else the closest spelling; else a known word sharing its
    /// WordNet senses ("nauseous" → "queasy", "exam" → "test"); null when none. Spelling first: trying synonyms first scored
    /// the same on the development sets and lower on cross-validation.</summary>
    public string? Canonical(string word) => Correct(word) ?? Synonym(word);

    // Built on the first unknown word: each sense, the known word that has it earliest in its list (then the most frequent).
    // Two threads may both build it; they build the same table.
    private Dictionary<ushort, (string Word, int Rank)>? _knownBySense;

    /// <summary>The least agreement of senses for a synonym (see <see cref="Synonym"/>): 0.5 is a first sense of one word shared
    /// with a first or second sense of the other. Cross-validation: 0.5 slightly above 0.3 and 0; dev sets the same.</summary>
    public const double SynonymMinimum = 0.5;

    /// <summary>The known word that shares WordNet senses with <paramref name="word"/>, each shared sense counted by how
    /// early it comes in both words' lists (a first sense of both counts 1, a third of one 1/3), the best at or above
    /// <see cref="SynonymMinimum"/>; null when none.</summary>
    public string? Synonym(string word)
    {
        var lexicon = Lexicon.WordSenses.Embedded;
        var senses = lexicon.OwnOf(word);
        if (senses.IsEmpty) return null;
        var bySense = _knownBySense ??= KnownBySense(lexicon);
        string? best = null;
        var bestScore = 0.0;
        var scores = new Dictionary<string, double>(StringComparer.Ordinal);
        for (var i = 0; i < senses.Length; i++)
        {
            if (!bySense.TryGetValue(senses[i], out var known)) continue;
            var score = scores[known.Word] = scores.GetValueOrDefault(known.Word) + 1.0 / ((1 + i) * (1 + known.Rank));
            if (score > bestScore) (best, bestScore) = (known.Word, score);
        }
        return bestScore >= SynonymMinimum ? best : null;
    }

    private Dictionary<ushort, (string Word, int Rank)> KnownBySense(Lexicon.WordSenses lexicon)
    {
        var bySense = new Dictionary<ushort, (string Word, int Rank)>();
        foreach (var (known, _) in _frequency.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal))
        {
            var own = lexicon.OwnOf(known);
            for (var j = 0; j < own.Length; j++)
            {
                if (!bySense.TryGetValue(own[j], out var held) || held.Rank > j) bySense[own[j]] = (known, j);
            }
        }
        return bySense;
    }

    public static int MaxEdits(int length) => length < 5 ? 0 : length <= 7 ? 1 : 2;

    /// <summary>The known word closest to <paramref name="word"/>, the word itself when it is known, or null.</summary>
    public string? Correct(string word)
    {
        if (_frequency.ContainsKey(word)) return word;
        var max = MaxEdits(word.Length);
        if (max == 0 || !word.All(char.IsLetter)) return null;
        string? best = null;
        var bestDistance = max + 1;
        for (var len = Math.Max(1, word.Length - max); len <= Math.Min(_byLength.Length - 1, word.Length + max); len++)
        {
            foreach (var candidate in _byLength[len])
            {
                // Candidates are ordered by frequency, so a strictly smaller distance is needed to replace the best.
                var d = Distance(word, candidate, bestDistance - 1);
                if (d < bestDistance)
                {
                    best = candidate;
                    bestDistance = d;
                }
            }
        }
        // Equal distances across lengths: prefer the more frequent word.
        return best;
    }

    /// <summary>Optimal-string-alignment distance, giving up early once every path exceeds <paramref name="limit"/>.</summary>
    public static int Distance(string a, string b, int limit)
    {
        if (Math.Abs(a.Length - b.Length) > limit) return limit + 1;
        var prev2 = new int[b.Length + 1];
        var prev = new int[b.Length + 1];
        var cur = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++) prev[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            cur[0] = i;
            var rowMin = cur[0];
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var v = Math.Min(Math.Min(prev[j] + 1, cur[j - 1] + 1), prev[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) v = Math.Min(v, prev2[j - 2] + 1);
                cur[j] = v;
                rowMin = Math.Min(rowMin, v);
            }
            if (rowMin > limit) return limit + 1;
            (prev2, prev, cur) = (prev, cur, prev2);
        }
        return prev[b.Length];
    }
}
