namespace MagBot.Dialogs.Understanding.Lexicon;

/// <summary>
/// The senses of ordinary English words, from WordNet 3.0 (word-senses.txt, generated from the Debian package wordnet-base
/// by generate-word-senses.py): each word's first few senses and the synset above its first sense, as numbers two or more
/// words share. "queasy" shares a sense with "nauseated" and "sick", "tummy" with "stomach", so a model that learned one
/// word has a feature for the others (<see cref="Classification.IntentFeatureExtractor"/>).
/// Held as one sorted string table (the words end to end, an offset per word) rather than a dictionary of strings: about a
/// megabyte for 30,000 words.
/// </summary>
public sealed class WordSenses
{
    private const string ResourceName = "MagBot.Understanding.word-senses.txt";

    private readonly string _words;      // the words, sorted (ordinal), end to end
    private readonly int[] _wordStart;   // per word, its start in _words; one more entry for the end
    private readonly int[] _senseStart;  // per word, its first sense in _senses; one more entry for the end
    private readonly int[] _aboveStart;  // per word, the first of the synsets above its senses (they follow its own)
    private readonly ushort[] _senses;

    private WordSenses(string words, int[] wordStart, int[] senseStart, int[] aboveStart, ushort[] senses)
    {
        _words = words;
        _wordStart = wordStart;
        _senseStart = senseStart;
        _aboveStart = aboveStart;
        _senses = senses;
    }

    public static WordSenses Empty { get; } = new(string.Empty, [0], [0], [], []);

    private static readonly Lazy<WordSenses> EmbeddedTable = new(() => Parse(ReadResource()));

    /// <summary>The table embedded in the assembly, read once per process on first use.</summary>
    public static WordSenses Embedded => EmbeddedTable.Value;

    public int Count => _wordStart.Length - 1;

    /// <summary>The sense numbers of <paramref name="word"/> (lower case, as <see cref="TextNormalizer"/> leaves it), its own
    /// senses first, then the synsets above them; WordNet's regular endings are tried when the word itself is not listed
    /// ("tablets" → "tablet", "headaches" → "headache"). Empty for a word WordNet does not know.</summary>
    public ReadOnlySpan<ushort> Of(string word)
    {
        var at = Lookup(word);
        return at < 0 ? [] : _senses.AsSpan(_senseStart[at], _senseStart[at + 1] - _senseStart[at]);
    }

    /// <summary>The word's own senses only (synonyms share them), without the synsets above them.</summary>
    public ReadOnlySpan<ushort> OwnOf(string word)
    {
        var at = Lookup(word);
        return at < 0 ? [] : _senses.AsSpan(_senseStart[at], _aboveStart[at] - _senseStart[at]);
    }

    private int Lookup(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        var at = Find(word);
        if (at < 0)
        {
            foreach (var (ending, replacement) in Endings)
            {
                if (word.Length - ending.Length < 3 || !word.EndsWith(ending, StringComparison.Ordinal)) continue;
                at = Find(string.Concat(word.AsSpan(0, word.Length - ending.Length), replacement));
                if (at >= 0) break;
            }
        }
        return at;
    }

    // WordNet's detachment rules (morphy) for nouns, verbs and adjectives, most specific first.
    private static readonly (string Ending, string Replacement)[] Endings =
    [
        ("ies", "y"), ("ches", "ch"), ("shes", "sh"), ("ses", "s"), ("xes", "x"), ("zes", "z"), ("men", "man"),
        ("es", "e"), ("es", ""), ("s", ""), ("ied", "y"), ("ed", "e"), ("ed", ""), ("ing", "e"), ("ing", ""),
        ("est", "e"), ("est", ""), ("er", "e"), ("er", ""),
    ];

    private int Find(string word)
    {
        int lo = 0, hi = Count - 1;
        while (lo <= hi)
        {
            var mid = lo + (hi - lo) / 2;
            var c = _words.AsSpan(_wordStart[mid], _wordStart[mid + 1] - _wordStart[mid]).SequenceCompareTo(word);
            if (c == 0) return mid;
            if (c < 0) lo = mid + 1;
            else hi = mid - 1;
        }
        return -1;
    }

    /// <summary>Reads the generated format: '#' lines are the header, then one word a line, sorted, with its sense numbers in
    /// base 36 ("queasy 1ej 40t").</summary>
    public static WordSenses Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var words = new System.Text.StringBuilder();
        var wordStart = new List<int>();
        var senseStart = new List<int>();
        var aboveStart = new List<int>();
        var senses = new List<ushort>();
        string? previous = null;
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (line.Length == 0 || line[0] == '#') continue;
            var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (previous is not null && string.CompareOrdinal(previous, parts[0]) >= 0)
                throw new FormatException($"word-senses.txt is not sorted at '{parts[0]}': regenerate it with generate-word-senses.py.");
            previous = parts[0];
            wordStart.Add(words.Length);
            senseStart.Add(senses.Count);
            words.Append(parts[0]);
            int? above = null;
            for (var i = 1; i < parts.Length; i++)
            {
                var isAbove = parts[i][0] == '^';
                if (isAbove) above ??= senses.Count;
                else if (above is not null) throw new FormatException($"'{parts[0]}' lists one of its own senses after a synset above them.");
                var number = Base36(isAbove ? parts[i][1..] : parts[i]);
                if (number > ushort.MaxValue) throw new FormatException($"Sense number '{parts[i]}' of '{parts[0]}' is beyond {ushort.MaxValue}.");
                senses.Add((ushort)number);
            }
            aboveStart.Add(above ?? senses.Count);
        }
        wordStart.Add(words.Length);
        senseStart.Add(senses.Count);
        return new WordSenses(words.ToString(), [.. wordStart], [.. senseStart], [.. aboveStart], [.. senses]);
    }

    private static long Base36(string digits)
    {
        long n = 0;
        foreach (var c in digits)
        {
            var d = c is >= '0' and <= '9' ? c - '0' : c is >= 'a' and <= 'z' ? c - 'a' + 10 : throw new FormatException($"'{digits}' is not a base-36 number.");
            n = n * 36 + d;
        }
        return n;
    }

    /// <summary>The generated file's header (its '#' lines): the source, version and licence.</summary>
    public static string EmbeddedHeader() =>
        string.Join('\n', ReadResource().Split('\n').TakeWhile(l => l.StartsWith('#')));

    private static string ReadResource()
    {
        using var stream = typeof(WordSenses).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The word senses '{ResourceName}' are not embedded: run dialogs/Understanding/Lexicon/generate-word-senses.py.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
