namespace MagBot.Dialogs.Safety.Classification;

/// <summary>
/// The safety screen's trained layer: three multinomial logistic regressions ("heads") over <see cref="SafetyFeatures"/>,
/// trained with AdaGrad from labelled lay phrasings (dialogs/Safety/Data). Deterministic: the same examples give the same model.
/// <list type="bullet">
/// <item>The <b>kind</b> heads tell apart three kinds of message: an alarm (any emergency, crisis, poisoning or "see a
/// doctor today"), a symptom that is not an emergency, and ordinary talk. They decide <i>whether</i> to alarm. There are two,
/// one reading character n-grams as well as words and one reading words only, and their mean is the kind.</item>
/// <item>The <b>category</b> head tells apart every category. It decides <i>which</i> reply an alarm gets.</item>
/// </list>
/// One head alone spreads an unclear message's alarm over thirteen categories, and summed they pass a low threshold
/// ("sorry for all the questions today" alarmed); the kind head weighs alarm against ordinary directly. By
/// cross-validation, deciding by the kind head raised alarm recall and quiet at once (docs/clinical-safety/results.md).
/// <see cref="LayeredSafetyScreen"/> decides what to do with the probabilities, with thresholds set low for recall.
/// </summary>
public sealed class SafetyModel
{
    /// <summary>The kind head's label for every alarm category.</summary>
    public const string AlarmKind = "alarm";

    private readonly SoftmaxHead _categories;
    private readonly SoftmaxHead _kinds;
    private readonly SoftmaxHead _kindsByWords;

    private SafetyModel(SoftmaxHead categories, SoftmaxHead kinds, SoftmaxHead kindsByWords)
    {
        _categories = categories;
        _kinds = kinds;
        _kindsByWords = kindsByWords;
    }

    /// <summary>The categories the model tells apart, in the order of <see cref="Predict"/>'s probabilities.</summary>
    public IReadOnlyList<string> Labels => _categories.Labels;

    public static SafetyModel Train(IReadOnlyList<(string Text, string Label)> examples)
    {
        ArgumentNullException.ThrowIfNull(examples);
        if (examples.Count == 0) throw new ArgumentException("The safety model needs training examples.", nameof(examples));
        string[] kindOf = [.. examples.Select(e => KindOf(e.Label))];
        var both = examples.Select(e => SafetyFeatures.ExtractBoth(e.Text)).ToArray();
        var features = both.Select(b => b.All).ToArray();
        // The three heads are independent (each reads the features and writes only its own weights), so they train on
        // the thread pool side by side: on two cores the start-up waits for the longest head, not the sum. Each head's
        // training is single-threaded and seeded, so the model is the same as trained one after another.
        var byWords = Task.Run(() => SoftmaxHead.Train([.. both.Select(b => b.WordsOnly)], kindOf));
        var kinds = Task.Run(() => SoftmaxHead.Train(features, kindOf));
        var categories = SoftmaxHead.Train(features, [.. examples.Select(e => e.Label)]);
        return new SafetyModel(categories, kinds.GetAwaiter().GetResult(), byWords.GetAwaiter().GetResult());
    }

    /// <summary>The probability of each of <see cref="Labels"/> for <paramref name="text"/>.</summary>
    public float[] Predict(string? text) => _categories.Predict(SafetyFeatures.Extract(text));

    /// <summary>Both heads at once, from one reading of <paramref name="text"/>.</summary>
    public SafetyPrediction PredictBoth(string? text)
    {
        var (features, wordsOnly) = SafetyFeatures.ExtractBoth(text);
        // The kind is the mean of two readings: with the character n-grams, which carry misspellings and word forms, and
        // without them, where a word has to match to count ("sorry for all the questions" shares n-grams with crisis
        // talk, not words). By cross-validation the mean beat either alone on recall and quiet together.
        var kinds = _kinds.Predict(features);
        var byWords = _kindsByWords.Predict(wordsOnly);
        for (var i = 0; i < kinds.Length; i++) kinds[i] = (kinds[i] + byWords[i]) / 2;
        return new SafetyPrediction(_categories.Predict(features), kinds[_kinds.IndexOf(AlarmKind)],
            kinds[_kinds.IndexOf(SafetyCategories.Symptom)], kinds[_kinds.IndexOf(SafetyCategories.Ordinary)]);
    }

    /// <summary>Where <paramref name="label"/> stands in <see cref="Predict"/>'s probabilities.</summary>
    public int IndexOf(string label) => _categories.IndexOf(label);

    /// <summary>The kind of a category: <see cref="AlarmKind"/>, symptom or ordinary.</summary>
    public static string KindOf(string label) => label is SafetyCategories.Ordinary or SafetyCategories.Symptom ? label : AlarmKind;
}

/// <summary>One message as the model read it: each category's probability, and how likely it is an alarm, a symptom or ordinary talk.</summary>
public sealed record SafetyPrediction(float[] Categories, float Alarm, float Symptom, float Ordinary);

/// <summary>A multinomial logistic regression over hashed features, trained with AdaGrad.</summary>
internal sealed class SoftmaxHead
{
    // Chosen by cross-validation (magbot safety-eval --cross-validate): 12 or 25 epochs, other rates and L2 changed
    // recall and quiet by less than half a point, and training time is start-up time.
    private const int Epochs = 6;
    private const float LearningRate = 0.4f;
    private const float L2 = 1e-6f;
    private const float NegligibleGradient = 1e-3f;

    private readonly string[] _labels;
    private readonly int[] _rowOf; // a hash bucket's row of weights; -1 for a bucket no training example has
    private readonly float[] _weights; // row-major: row * classes + class
    private readonly float[] _bias;

    private SoftmaxHead(string[] labels, int[] rowOf, float[] weights, float[] bias)
    {
        _labels = labels;
        _rowOf = rowOf;
        _weights = weights;
        _bias = bias;
    }

    public IReadOnlyList<string> Labels => _labels;

    public int IndexOf(string label)
    {
        var i = Array.IndexOf(_labels, label);
        return i >= 0 ? i : throw new ArgumentException($"The safety model was not trained on '{label}'.", nameof(label));
    }

    public static SoftmaxHead Train(IReadOnlyList<(int[] Buckets, float Value)> features, IReadOnlyList<string> labelOf)
    {
        var labels = labelOf.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        var k = labels.Length;
        // Weights only for the buckets the examples use: a bucket no example has is never updated,
        // so its weights would stay zero. The same model as over every bucket, in a fraction of the memory, and trained
        // several times faster, since its weights fit in the processor's cache (tests/perf/RESULTS.md).
        var rowOf = new int[SafetyFeatures.Buckets];
        Array.Fill(rowOf, -1);
        var used = 0;
        var rows = features.Select((f, i) =>
        {
            var buckets = new int[f.Buckets.Length];
            for (var j = 0; j < buckets.Length; j++)
            {
                ref var row = ref rowOf[f.Buckets[j]];
                if (row < 0) row = used++;
                buckets[j] = row;
            }
            return (Features: (Rows: buckets, f.Value), Y: Array.IndexOf(labels, labelOf[i]));
        }).ToArray();
        var weights = new float[used * k];
        var squares = new float[used * k];
        var bias = new float[k];
        var biasSquares = new float[k];
        var p = new float[k];
        var gradient = new float[k];
        var active = new int[k];
        var order = Enumerable.Range(0, rows.Length).ToArray();
        var random = new Random(20261129);
        for (var epoch = 0; epoch < Epochs; epoch++)
        {
            random.Shuffle(order);
            foreach (var r in order)
            {
                var ((buckets, value), y) = rows[r];
                Probabilities(buckets, value, weights, bias, p);
                var n = 0;
                for (var c = 0; c < k; c++)
                {
                    var g = p[c] - (c == y ? 1f : 0f);
                    if (Math.Abs(g) < NegligibleGradient) continue; // already right for this class: nothing worth learning
                    gradient[c] = g;
                    active[n++] = c;
                    biasSquares[c] += g * g;
                    bias[c] -= LearningRate * g / MathF.Sqrt(biasSquares[c] + 1e-8f);
                }
                if (n == 0) continue;
                // Row by row, so each row's classes are updated where they sit together in memory.
                foreach (var b in buckets)
                {
                    var row = b * k;
                    for (var j = 0; j < n; j++)
                    {
                        var c = active[j];
                        var at = row + c;
                        var gw = gradient[c] * value + L2 * weights[at];
                        squares[at] += gw * gw;
                        weights[at] -= LearningRate * gw / MathF.Sqrt(squares[at] + 1e-8f);
                    }
                }
            }
        }
        return new SoftmaxHead(labels, rowOf, weights, bias);
    }

    public float[] Predict((int[] Buckets, float Value) features)
    {
        // A bucket no training example had adds nothing (its weights would be zero): left out.
        var rows = new int[features.Buckets.Length];
        var n = 0;
        foreach (var b in features.Buckets)
        {
            if (_rowOf[b] >= 0) rows[n++] = _rowOf[b];
        }
        var p = new float[_labels.Length];
        Probabilities(rows.AsSpan(0, n), features.Value, _weights, _bias, p);
        return p;
    }

    private static void Probabilities(ReadOnlySpan<int> rows, float value, float[] weights, float[] bias, float[] p)
    {
        var k = bias.Length;
        Array.Copy(bias, p, k);
        foreach (var r in rows)
        {
            var row = r * k;
            for (var c = 0; c < k; c++) p[c] += weights[row + c] * value;
        }
        var max = p.Max();
        var sum = 0f;
        for (var c = 0; c < k; c++)
        {
            p[c] = MathF.Exp(p[c] - max);
            sum += p[c];
        }
        for (var c = 0; c < k; c++) p[c] /= sum;
    }
}
