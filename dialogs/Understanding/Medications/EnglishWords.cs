namespace MagBot.Dialogs.Understanding;

/// <summary>
/// Ordinary English words from a maintained word list (english-words.txt, generated from the Debian package wamerican
/// by generate-english-words.sh). A word in it is never asked about as an unknown medicine, and a misspelling of a
/// medicine name is not matched to it ("alive" is not Aleve). Medicine names in the vocabulary win when typed exactly.
/// </summary>
public sealed class EnglishWords
{
    private const string ResourceName = "MagBot.Understanding.english-words.txt";
    private const string ProperNounsResourceName = "MagBot.Understanding.english-proper-nouns.txt";

    private readonly HashSet<string> _words;
    private readonly HashSet<string> _properNouns;

    private EnglishWords(HashSet<string> words, HashSet<string>? properNouns = null)
    {
        _words = words;
        _properNouns = properNouns ?? [];
    }

    public static EnglishWords Empty { get; } = new([]);

    private static readonly Lazy<EnglishWords> EmbeddedList = new(() =>
        new EnglishWords(Lines(ReadResource(ResourceName)), Lines(ReadResource(ProperNounsResourceName))));

    private static string ReadResource(string name)
    {
        using var stream = typeof(EnglishWords).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The word list '{name}' is not embedded: run dialogs/Understanding/Medications/generate-english-words.sh.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>The list shipped in the assembly, read once per process.</summary>
    public static EnglishWords Embedded => EmbeddedList.Value;

    public int Count => _words.Count;

    /// <summary>One word a line; lines starting with '#' are the header.</summary>
    public static EnglishWords Parse(string text, string? properNouns = null) =>
        new(Lines(text), properNouns is null ? null : Lines(properNouns));

    private static HashSet<string> Lines(string text) =>
        text.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0 && l[0] != '#').ToHashSet(StringComparer.Ordinal);

    /// <summary>Is <paramref name="word"/> (normalized) an English word, as written or as the plural or possessive of one?</summary>
    public bool Contains(string word) =>
        _words.Contains(word) || word.Length > 3 && word[^1] == 's' && _words.Contains(word[..^1]);

    /// <summary>Is <paramref name="word"/> (normalized) a proper noun of the list ("lyme", "parkinson", "parkinsons")? Some are
    /// brand names of medicines (Tylenol), so this is asked only of a word in a reason ("doxy for lyme").</summary>
    public bool IsProperNoun(string word) =>
        _properNouns.Contains(word) || word.Length > 3 && word[^1] == 's' && _properNouns.Contains(word[..^1]);
}
