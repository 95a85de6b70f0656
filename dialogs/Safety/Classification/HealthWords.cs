namespace MagBot.Dialogs.Safety.Classification;

/// <summary>
/// English words that name a symptom, an illness, a pain or an injury, from WordNet 3.0 (health-words.txt, generated from
/// the Debian package wordnet-base by tools/generate-health-words.py). <see cref="SafetyFeatures"/> gives each such word a
/// shared feature besides its own, so a complaint word the safety model was never shown ("queasy", "sprain", "heartburn")
/// reads like the complaint words it was shown.
/// </summary>
public static class HealthWords
{
    private static readonly Lazy<Dictionary<string, string>> _words = new(Load);

    /// <summary>The number of words in the list.</summary>
    public static int Count => _words.Value.Count;

    /// <summary>The category (symptom, illness, pain or injury) of <paramref name="word"/> (lower case, as
    /// <see cref="SafetyFeatures.Words"/> gives it) or of its base form by a regular ending ("cramps" is cramp, "aching" is
    /// ache), or null.</summary>
    public static string? CategoryOf(string word)
    {
        var words = _words.Value;
        if (word.Length < 3) return null;
        if (words.TryGetValue(word, out var category)) return category;
        foreach (var stem in Stems(word))
        {
            if (stem.Length >= 3 && words.TryGetValue(stem, out category)) return category;
        }
        return null;
    }

    // Regular English inflections only: plurals, past tenses and -ing forms ("aches", "ached", "aching", "hives" stays).
    private static IEnumerable<string> Stems(string w)
    {
        if (w.EndsWith("ies", StringComparison.Ordinal)) yield return w[..^3] + "y";
        if (w.EndsWith("es", StringComparison.Ordinal)) yield return w[..^2];
        if (w.EndsWith('s') && !w.EndsWith("ss", StringComparison.Ordinal)) yield return w[..^1];
        if (w.EndsWith("ed", StringComparison.Ordinal))
        {
            yield return w[..^2];
            yield return w[..^1];
        }
        if (w.EndsWith("ing", StringComparison.Ordinal))
        {
            yield return w[..^3];
            yield return w[..^3] + "e";
        }
    }

    private static Dictionary<string, string> Load()
    {
        using var stream = typeof(HealthWords).Assembly.GetManifestResourceStream("MagBot.Safety.health-words.txt")
            ?? throw new InvalidOperationException("The health word list (MagBot.Safety.health-words.txt) is not embedded.");
        using var reader = new StreamReader(stream);
        var words = new Dictionary<string, string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] == '#') continue;
            var tab = line.IndexOf('\t');
            if (tab > 0) words[line[..tab]] = string.Intern(line[(tab + 1)..]);
        }
        return words;
    }
}
