using MagBot.Dialogs.Understanding.Lexicon;

namespace MagBot.Dialogs.Understanding.Classification;

/// <summary>A message as the classifier sees it: the words as written (normalised, abbreviations expanded:
/// "HA" → "headache", a certain reading) and the canonical words after misspellings are corrected (a guess)
/// and plurals folded; and the WordNet senses of the words (<see cref="WordSenses"/>), so a word the model was never shown
/// still says what it means.</summary>
public sealed record MessageWords(IReadOnlyList<string> Written, IReadOnlyList<string> Canonical)
{
    /// <summary>The sense numbers of the written words, in order (a word's own, or else its corrected spelling's).</summary>
    public IReadOnlyList<ushort> Senses { get; init; } = [];

    public static MessageWords Empty { get; } = new([], []);

    /// <summary>Splits and canonicalises <paramref name="text"/>; without a speller, words stay as typed.</summary>
    public static MessageWords From(string? text, VocabularySpeller? speller)
    {
        var typed = TextNormalizer.Words(text);
        if (typed.Length == 0) return Empty;
        var written = new List<string>(typed.Length + 2);
        var canonical = new List<string>(typed.Length + 2);
        var senses = new List<ushort>();
        var lexicon = WordSenses.Embedded;
        foreach (var word in typed)
        {
            foreach (var expanded in ChatAbbreviations.Expand(word))
            {
                written.Add(expanded);
                var corrected = speller?.Canonical(expanded) ?? expanded;
                canonical.Add(FoldPlural(corrected));
                var own = lexicon.Of(expanded);
                foreach (var sense in own.IsEmpty && corrected != expanded ? lexicon.Of(corrected) : own) senses.Add(sense);
            }
        }
        return new MessageWords(written, canonical) { Senses = senses };
    }

    /// <summary>Every canonical word before plural folding: the vocabulary the speller corrects towards.</summary>
    public static IEnumerable<string> VocabularyOf(string text) =>
        TextNormalizer.Words(text).SelectMany(ChatAbbreviations.Expand);

    /// <summary>"migraines" → "migraine", "foods" → "food"; short words and "-ss/-us/-is" endings are left alone ("does", "less", "nervous").</summary>
    public static string FoldPlural(string word) =>
        word.Length >= 5 && word[^1] == 's' && word[^2] is not ('s' or 'u' or 'i') ? word[..^1] : word;
}
