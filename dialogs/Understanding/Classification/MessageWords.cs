namespace MagBot.Dialogs.Understanding.Classification;

/// <summary>A message as the classifier sees it: the words as written (normalised, abbreviations expanded:
/// "HA" → "headache", a certain reading) and the canonical words after misspellings are corrected (a guess)
/// and plurals folded.</summary>
public sealed record MessageWords(IReadOnlyList<string> Written, IReadOnlyList<string> Canonical)
{
    public static MessageWords Empty { get; } = new([], []);

    /// <summary>Splits and canonicalises <paramref name="text"/>; without a speller, words stay as typed.</summary>
    public static MessageWords From(string? text, VocabularySpeller? speller)
    {
        var typed = TextNormalizer.Words(text);
        if (typed.Length == 0) return Empty;
        var written = new List<string>(typed.Length + 2);
        var canonical = new List<string>(typed.Length + 2);
        foreach (var word in typed)
        {
            foreach (var expanded in ChatAbbreviations.Expand(word))
            {
                written.Add(expanded);
                var corrected = speller?.Correct(expanded) ?? expanded;
                canonical.Add(FoldPlural(corrected));
            }
        }
        return new MessageWords(written, canonical);
    }

    /// <summary>Every canonical word before plural folding: the vocabulary the speller corrects towards.</summary>
    public static IEnumerable<string> VocabularyOf(string text) =>
        TextNormalizer.Words(text).SelectMany(ChatAbbreviations.Expand);

    /// <summary>"migraines" → "migraine", "foods" → "food"; short words and "-ss/-us/-is" endings are left alone ("does", "less", "nervous").</summary>
    public static string FoldPlural(string word) =>
        word.Length >= 5 && word[^1] == 's' && word[^2] is not ('s' or 'u' or 'i') ? word[..^1] : word;
}
