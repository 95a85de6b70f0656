namespace MagBot.Dialogs.Understanding;

/// <summary>
/// Finds known phrases (one or more words) in a normalized word list: exact first, longest first; then,
/// word by word, spellings within <see cref="EditDistance.ToleranceFor"/> of a known word that begin with the
/// same letter and are not ordinary English words. A misspelling equally close to phrases of two different
/// payload groups is ambiguous and not matched, so the caller asks instead of guessing.
/// </summary>
internal sealed class PhraseMatcher<T>
{
    private readonly Dictionary<string, T> _exact = new(StringComparer.Ordinal);
    private readonly List<(string[] Words, T Payload)> _phrases = [];
    // Every match starts with the same letter as the known phrase, so candidates are indexed by it.
    private readonly Dictionary<char, List<(string[] Words, T Payload)>> _byFirstLetter = [];
    private readonly Func<string, bool> _isOrdinary;
    private readonly Func<T, string> _group;

    public PhraseMatcher(IEnumerable<(string Phrase, T Payload)> phrases, IReadOnlySet<string> ordinary, Func<T, string> group)
        : this(phrases, ordinary.Contains, group)
    {
    }

    /// <param name="isOrdinary">True for a typed word that is an ordinary word, which a misspelling must never be taken from.</param>
    public PhraseMatcher(IEnumerable<(string Phrase, T Payload)> phrases, Func<string, bool> isOrdinary, Func<T, string> group)
    {
        _isOrdinary = isOrdinary;
        _group = group;
        foreach (var (phrase, payload) in phrases)
        {
            var norm = TextNormalizer.Normalize(phrase);
            if (norm.Length == 0 || !_exact.TryAdd(norm, payload)) continue;
            var words = norm.Split(' ');
            _phrases.Add((words, payload));
            if (!_byFirstLetter.TryGetValue(norm[0], out var list)) _byFirstLetter[norm[0]] = list = [];
            list.Add((words, payload));
        }
        MaxWords = _phrases.Count == 0 ? 1 : _phrases.Max(p => p.Words.Length);
    }

    public int MaxWords { get; }

    /// <summary>The phrase starting at <paramref name="start"/>: its payload and how many words it spans, or null.</summary>
    public (T Payload, int Length)? MatchAt(IReadOnlyList<string> words, int start, bool fuzzy = true)
    {
        // Longest first, so "calcium carbonat" is calcium carbonate (one slip), not calcium followed by a stray word.
        var longest = Math.Min(MaxWords, words.Count - start);
        if (longest < 1) return null;
        // The candidate phrases are looked up as spans of one joined buffer: every message runs this at every
        // word, and a joined string per length per word was most of what medication reading allocated.
        var chars = 0;
        for (var k = 0; k < longest; k++) chars += words[start + k].Length + 1;
        var rented = chars > 256 ? System.Buffers.ArrayPool<char>.Shared.Rent(chars) : null;
        try
        {
            var buffer = rented is null ? stackalloc char[chars] : rented.AsSpan(0, chars);
            Span<int> ends = longest <= 16 ? stackalloc int[longest] : new int[longest];
            var at = 0;
            for (var k = 0; k < longest; k++)
            {
                if (k > 0) buffer[at++] = ' ';
                words[start + k].AsSpan().CopyTo(buffer[at..]);
                at += words[start + k].Length;
                ends[k] = at;
            }
            var exact = _exact.GetAlternateLookup<ReadOnlySpan<char>>();
            for (var len = longest; len >= 1; len--)
            {
                if (exact.TryGetValue(buffer[..ends[len - 1]], out var hit)) return (hit, len);
                if (fuzzy && FuzzyAt(words, start, len) is { } near) return (near.Payload, len);
            }
            return null;
        }
        finally
        {
            if (rented is not null) System.Buffers.ArrayPool<char>.Shared.Return(rented);
        }
    }

    private (T Payload, int Distance)? FuzzyAt(IReadOnlyList<string> words, int start, int len)
    {
        (T Payload, int Distance)? best = null;
        var ambiguous = false;
        foreach (var (phrase, payload) in Candidates(words[start][0]))
        {
            if (phrase.Length != len) continue;
            var total = 0;
            for (var k = 0; k < len && total >= 0; k++)
            {
                var d = WordDistance(words[start + k], phrase[k]);
                total = d < 0 ? -1 : total + d;
            }
            if (total <= 0) continue; // no match, or exact (handled before)
            if (best is null || total < best.Value.Distance)
            {
                best = (payload, total);
                ambiguous = false;
            }
            else if (total == best.Value.Distance && _group(payload) != _group(best.Value.Payload))
            {
                ambiguous = true;
            }
        }
        return ambiguous ? null : best;
    }

    /// <summary>Letters that sound alike at the start of a word ("symbalta" for Cymbalta, "sipro" for Cipro, "zanax" for Xanax),
    /// and voiced and voiceless pairs heard or typed for each other ("dopamax" for Topamax, "bercocet" for Percocet).</summary>
    private static readonly string[] SoundAlike = ["cks", "xz", "dt", "bp"];

    private IEnumerable<(string[] Words, T Payload)> Candidates(char first)
    {
        if (_byFirstLetter.TryGetValue(first, out var same)) foreach (var c in same) yield return c;
        foreach (var group in SoundAlike.Where(g => g.Contains(first)))
            foreach (var other in group.Where(o => o != first))
                if (_byFirstLetter.TryGetValue(other, out var alike)) foreach (var c in alike) yield return c;
    }

    private static bool SameOrSoundAlike(char a, char b) => a == b || SoundAlike.Any(g => g.Contains(a) && g.Contains(b));

    /// <summary>Edits between a typed word and a known word, or -1 when they must not be taken for each other.</summary>
    private int WordDistance(string typed, string known)
    {
        if (typed == known) return 0;
        // Two slips only when both words are long: "gravis" is not "Gralise".
        var tolerance = EditDistance.ToleranceFor(known.Length);
        if (tolerance > 1 && typed.Length < 7) tolerance = 1;
        if (tolerance == 0 || typed.Length < 4 || !SameOrSoundAlike(typed[0], known[0])) return -1;
        if (_isOrdinary(typed) || typed.Any(char.IsDigit)) return -1;
        var d = EditDistance.Between(typed, known, tolerance);
        return d <= tolerance ? d : -1;
    }
}
