namespace MagBot.Dialogs.Understanding.Classification;

/// <summary>
/// Turns a message into sparse features for the intent model, in three groups each scaled to unit length
/// so that no group dominates by sheer count: canonical words, adjacent word pairs (word order: "how
/// much" is not "much how"), and character 3–5-grams of each written word with its boundaries
/// ("&lt;mig", "igra", "ine&gt;"), which still match when a misspelling is beyond the speller.
/// A medicine named in the message adds one feature, so an unseen medicine name still means "medications". A fourth group,
/// lightly weighted, holds the words' WordNet senses, so a word the model was not shown fires what its synonyms taught.
/// </summary>
public static class IntentFeatureExtractor
{
    public const string MedicineFeature = "med:named";
    public const double CueWeight = 0.7;

    /// <summary>Weight of the word-sense group (WordNet synsets of the words, see <see cref="Lexicon.WordSenses"/>), chosen by
    /// cross-validation and the development sets (2026-12-08; 0.2 against 0, 0.3, 0.4, 0.5, 0.8: higher weights sent more
    /// messages to a wrong topic). The fact retriever uses none (<see cref="Answers.FactRetriever"/>).</summary>
    public const double SenseWeight = 0.2;

    /// <summary>The name of the feature a word sense fires: "s:" and its number.</summary>
    public static string SenseFeature(ushort sense) => "s:" + sense.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static Dictionary<string, double> Extract(MessageWords words, bool namesMedicine, IntentCues? cues = null) =>
        Extract(words, namesMedicine, cues, SenseWeight);

    public static Dictionary<string, double> Extract(MessageWords words, bool namesMedicine, IntentCues? cues, double senseWeight)
    {
        var features = new Dictionary<string, double>(StringComparer.Ordinal);
        if (words.Canonical.Count == 0) return features;

        var unigrams = words.Canonical.Select(w => "w:" + w).ToList();
        var bigrams = new List<string>(words.Canonical.Count + 1) { "b:^_" + words.Canonical[0] };
        for (var i = 1; i < words.Canonical.Count; i++) bigrams.Add("b:" + words.Canonical[i - 1] + "_" + words.Canonical[i]);
        bigrams.Add("b:" + words.Canonical[^1] + "_$");

        var grams = new List<string>(words.Written.Count * 12);
        foreach (var w in words.Written)
        {
            var padded = "<" + w + ">";
            for (var n = 3; n <= 5; n++)
            {
                for (var i = 0; i + n <= padded.Length; i++) grams.Add("c:" + padded.Substring(i, n));
            }
        }

        AddGroup(features, unigrams, 1.0);
        AddGroup(features, bigrams, 0.7);
        AddGroup(features, grams, 0.8);
        if (senseWeight > 0) AddGroup(features, [.. words.Senses.Select(SenseFeature)], senseWeight);
        if (namesMedicine) features[MedicineFeature] = 1.0;
        foreach (var intent in cues?.Match(words.Canonical) ?? [])
        {
            features["cue:" + intent] = features.GetValueOrDefault("cue:" + intent) + CueWeight;
        }
        // Message length in words (bucketed): commands and greetings are short, questions long.
        features["len:" + Math.Min(words.Written.Count, 8)] = 0.5;
        return features;
    }

    private static void AddGroup(Dictionary<string, double> features, List<string> names, double weight)
    {
        if (names.Count == 0) return;
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var n in names) counts[n] = counts.GetValueOrDefault(n) + 1;
        var norm = Math.Sqrt(counts.Values.Sum(c => (double)c * c));
        foreach (var (name, count) in counts) features[name] = weight * count / norm;
    }
}
