namespace MagBot.Dialogs.Understanding.Classification;

/// <summary>
/// Words and phrases that point to an intent (the <c>cues:</c> section of the training file, like Rasa's
/// lookup tables): "toxicity" or "the runs" → side effects. Each cue found adds a feature "cue:intent", so a
/// cue word the examples never used still counts, and a reviewer can add one without writing a sentence.
/// </summary>
public sealed class IntentCues
{
    private readonly List<(string[] Words, string Intent)> _cues;

    public IntentCues(IReadOnlyDictionary<string, IReadOnlyList<string>> cuesByIntent)
    {
        _cues = [.. cuesByIntent.SelectMany(kv => kv.Value.Select(c => (Canonical(c), kv.Key))).Where(c => c.Item1.Length > 0)];
    }

    public static IntentCues Empty { get; } = new(new Dictionary<string, IReadOnlyList<string>>());

    /// <summary>The cue words, so the speller corrects towards them.</summary>
    public IEnumerable<string> Vocabulary => _cues.SelectMany(c => c.Words);

    /// <summary>The intents whose cues appear in the message, once per cue found.</summary>
    public IEnumerable<string> Match(IReadOnlyList<string> canonicalWords)
    {
        foreach (var (words, intent) in _cues)
        {
            if (Contains(canonicalWords, words)) yield return intent;
        }
    }

    private static string[] Canonical(string phrase) => [.. MessageWords.From(phrase, speller: null).Canonical];

    private static bool Contains(IReadOnlyList<string> text, string[] phrase)
    {
        for (var i = 0; i + phrase.Length <= text.Count; i++)
        {
            var j = 0;
            while (j < phrase.Length && text[i + j] == phrase[j]) j++;
            if (j == phrase.Length) return true;
        }
        return false;
    }
}
