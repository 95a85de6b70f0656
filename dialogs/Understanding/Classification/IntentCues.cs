namespace MagBot.Dialogs.Understanding.Classification;

/// <summary>
/// Words and phrases that point to an intent (the <c>cues:</c> section of the training file, like Rasa's
/// lookup tables): "toxicity" or "the runs" → side effects. Each cue found adds a feature "cue:intent", so a
/// cue word the examples never used still counts, and a reviewer can add one without writing a sentence.
/// </summary>
public sealed class IntentCues
{
    private readonly List<(string[] Words, string Intent)> _cues;
    // Cue numbers by first word, so a message is matched in one pass over its words rather than once per cue.
    private readonly Dictionary<string, List<int>> _byFirstWord = new(StringComparer.Ordinal);

    public IntentCues(IReadOnlyDictionary<string, IReadOnlyList<string>> cuesByIntent)
    {
        _cues = [.. cuesByIntent.SelectMany(kv => kv.Value.Select(c => (Canonical(c), kv.Key))).Where(c => c.Item1.Length > 0)];
        for (var i = 0; i < _cues.Count; i++)
        {
            if (!_byFirstWord.TryGetValue(_cues[i].Words[0], out var list)) _byFirstWord[_cues[i].Words[0]] = list = [];
            list.Add(i);
        }
    }

    /// <summary>How many cues there are (see <see cref="MarkFound"/>).</summary>
    internal int Count => _cues.Count;

    /// <summary>The intent cue number <paramref name="cue"/> points to.</summary>
    internal string IntentOf(int cue) => _cues[cue].Intent;

    /// <summary>Sets <paramref name="found"/>[i] for every cue i in the message; <see cref="Match"/> yields the intents of
    /// exactly these, in cue order.</summary>
    internal void MarkFound(IReadOnlyList<string> canonicalWords, Span<bool> found)
    {
        for (var i = 0; i < canonicalWords.Count; i++)
        {
            if (!_byFirstWord.TryGetValue(canonicalWords[i], out var starting)) continue;
            foreach (var cue in starting)
            {
                if (!found[cue] && StartsAt(canonicalWords, i, _cues[cue].Words)) found[cue] = true;
            }
        }
    }

    private static bool StartsAt(IReadOnlyList<string> text, int at, string[] phrase)
    {
        if (at + phrase.Length > text.Count) return false;
        for (var j = 1; j < phrase.Length; j++)
        {
            if (text[at + j] != phrase[j]) return false;
        }
        return true;
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
