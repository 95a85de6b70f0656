namespace MagBot.Dialogs.Understanding.Classification;

/// <summary>
/// Scores a message with a linear intent model straight from its words: the same features, values and probabilities as
/// <see cref="IntentFeatureExtractor.Extract"/> followed by <see cref="IIntentModel.Predict"/> (tested to agree over every
/// message the tests hold), without a dictionary of new strings per message. Distinct features are counted in order of
/// first occurrence and added to the logits in the order the extractor's dictionary lists them, so the sums are the same.
/// </summary>
internal sealed class IntentScorer
{
    private const int MaxLengthBucket = 8;

    [ThreadStatic]
    private static FeatureTally? t_tally;

    private readonly ILinearIntentModel _model;
    private readonly IntentCues _cues;
    private readonly int _medicineColumn;
    private readonly int[] _cueColumns;     // per cue: the column of "cue:" + its intent
    private readonly string[] _cueFeatures; // per cue: "cue:" + its intent
    private readonly int[] _lengthColumns;  // per bucket 0..8: the column of "len:" + bucket

    public IntentScorer(ILinearIntentModel model, IntentCues cues)
    {
        _model = model;
        _cues = cues;
        var index = model.Index;
        _medicineColumn = index.ColumnOf(IntentFeatureExtractor.MedicineFeature);
        _cueFeatures = [.. Enumerable.Range(0, cues.Count).Select(i => "cue:" + cues.IntentOf(i))];
        _cueColumns = [.. _cueFeatures.Select(f => index.ColumnOf(f))];
        _lengthColumns = [.. Enumerable.Range(0, MaxLengthBucket + 1).Select(n => index.ColumnOf("len:" + n))];
    }

    /// <summary>
    /// Whether the model has seen enough of the message to judge it (a known word, a cue, or mostly known letter
    /// sequences: see <see cref="IntentRecognizer.FamiliarCharacterShare"/>), and every intent with its probability,
    /// most likely first (ties in the model's class order).
    /// </summary>
    public (bool Familiar, List<(string Intent, double Score)> Ranked) Score(MessageWords words, bool namesMedicine)
    {
        var canonical = words.Canonical;
        if (canonical.Count == 0) throw new ArgumentException("A message with no words has no features to score.", nameof(words));
        var index = _model.Index;
        var k = _model.Classes.Length;
        Span<double> logits = stackalloc double[k];
        _model.Bias.CopyTo(logits);
        var tally = t_tally ??= new FeatureTally();
        tally.Clear();

        // Words.
        foreach (var w in canonical)
        {
            tally.BeginName();
            tally.Append("w:");
            tally.Append(w);
            tally.EndName(index);
        }
        var wordsEnd = tally.Count;
        var knownWord = false;
        for (var e = 0; e < wordsEnd; e++) knownWord |= tally.ColumnAt(e) >= 0;

        // Adjacent pairs, with the message's start and end.
        tally.BeginName();
        tally.Append("b:^_");
        tally.Append(canonical[0]);
        tally.EndName(index);
        for (var i = 1; i < canonical.Count; i++)
        {
            tally.BeginName();
            tally.Append("b:");
            tally.Append(canonical[i - 1]);
            tally.Append('_');
            tally.Append(canonical[i]);
            tally.EndName(index);
        }
        tally.BeginName();
        tally.Append("b:");
        tally.Append(canonical[^1]);
        tally.Append("_$");
        tally.EndName(index);
        var pairsEnd = tally.Count;

        // Letter sequences of 3 to 5 of each written word between "<" and ">".
        foreach (var w in words.Written)
        {
            var paddedLength = w.Length + 2;
            for (var n = 3; n <= 5; n++)
            {
                for (var i = 0; i + n <= paddedLength; i++)
                {
                    tally.BeginName();
                    tally.Append("c:");
                    for (var j = i; j < i + n; j++) tally.Append(j == 0 ? '<' : j == paddedLength - 1 ? '>' : w[j - 1]);
                    tally.EndName(index);
                }
            }
        }
        var gramsEnd = tally.Count;

        // Word senses (WordNet synsets).
        const double senseWeight = IntentFeatureExtractor.SenseWeight;
        {
            Span<char> digits = stackalloc char[5];
            foreach (var sense in words.Senses)
            {
                tally.BeginName();
                tally.Append("s:");
                sense.TryFormat(digits, out var written, provider: System.Globalization.CultureInfo.InvariantCulture);
                tally.Append(digits[..written]);
                tally.EndName(index);
            }
        }
        var sensesEnd = tally.Count;

        AddGroup(tally, 0, wordsEnd, 1.0, logits);
        AddGroup(tally, wordsEnd, pairsEnd, 0.7, logits);
        var (allGrams, knownGrams) = AddGroup(tally, pairsEnd, gramsEnd, 0.8, logits);
        AddGroup(tally, gramsEnd, sensesEnd, senseWeight, logits);
        if (namesMedicine) AddFeature(_medicineColumn, 1.0, logits);
        var cueFound = AddCues(canonical, logits);
        AddFeature(_lengthColumns[Math.Min(words.Written.Count, MaxLengthBucket)], 0.5, logits);

        var familiar = knownWord || cueFound || (allGrams > 0 && knownGrams / allGrams >= IntentRecognizer.FamiliarCharacterShare);
        return (familiar, Ranked(logits));
    }

    /// <summary>Adds one group of features scaled to unit length (as the extractor does) and returns the sum of all its
    /// values and of those the model knows.</summary>
    private (double All, double Known) AddGroup(FeatureTally tally, int start, int end, double weight, Span<double> logits)
    {
        if (end == start) return (0, 0);
        double squares = 0;
        for (var e = start; e < end; e++) squares += (double)tally.CountAt(e) * tally.CountAt(e);
        var norm = Math.Sqrt(squares);
        double all = 0, known = 0;
        for (var e = start; e < end; e++)
        {
            var value = weight * tally.CountAt(e) / norm;
            all += value;
            var column = tally.ColumnAt(e);
            if (column < 0) continue;
            known += value;
            AddFeature(column, value, logits);
        }
        return (all, known);
    }

    /// <summary>Cue features, once per intent in order of its first cue, each worth <see cref="IntentFeatureExtractor.CueWeight"/> per cue found.</summary>
    private bool AddCues(IReadOnlyList<string> canonical, Span<double> logits)
    {
        var count = _cues.Count;
        if (count == 0) return false;
        Span<bool> found = count <= 1024 ? stackalloc bool[count] : new bool[count];
        _cues.MarkFound(canonical, found);
        var any = false;
        for (var first = 0; first < count; first++)
        {
            if (!found[first] || IsRepeat(first, found)) continue;
            any = true;
            double value = 0;
            for (var cue = first; cue < count; cue++)
            {
                if (found[cue] && _cueFeatures[cue] == _cueFeatures[first]) value += IntentFeatureExtractor.CueWeight;
            }
            AddFeature(_cueColumns[first], value, logits);
        }
        return any;
    }

    /// <summary>True when an earlier found cue points to the same intent (its feature is already added).</summary>
    private bool IsRepeat(int cue, ReadOnlySpan<bool> found)
    {
        for (var earlier = 0; earlier < cue; earlier++)
        {
            if (found[earlier] && _cueFeatures[earlier] == _cueFeatures[cue]) return true;
        }
        return false;
    }

    private void AddFeature(int column, double value, Span<double> logits)
    {
        if (column < 0) return;
        var weights = _model.Weights.AsSpan(column * logits.Length, logits.Length);
        for (var c = 0; c < logits.Length; c++) logits[c] += weights[c] * value;
    }

    /// <summary>Softmax, then classes by probability, highest first; equal probabilities keep the class order.</summary>
    private List<(string Intent, double Score)> Ranked(Span<double> logits)
    {
        var max = logits[0];
        for (var c = 1; c < logits.Length; c++) max = Math.Max(max, logits[c]);
        double sum = 0;
        for (var c = 0; c < logits.Length; c++)
        {
            logits[c] = Math.Exp(logits[c] - max);
            sum += logits[c];
        }
        var ranked = new List<(string Intent, double Score)>(logits.Length);
        for (var c = 0; c < logits.Length; c++)
        {
            var entry = (_model.Classes[c], logits[c] / sum);
            var at = ranked.Count;
            while (at > 0 && ranked[at - 1].Score < entry.Item2) at--;
            ranked.Insert(at, entry);
        }
        return ranked;
    }
}
