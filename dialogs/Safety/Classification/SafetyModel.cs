namespace MagBot.Dialogs.Safety.Classification;

/// <summary>
/// The safety screen's trained layer: multinomial logistic regression over <see cref="SafetyFeatures"/>, trained with
/// AdaGrad from labelled lay phrasings (dialogs/Safety/Data). Deterministic: the same examples give the same model.
/// It answers how likely a message is to be each category; <see cref="ClassifiedSafetyScreen"/> decides what to do
/// with that, with thresholds set low for recall.
/// </summary>
public sealed class SafetyModel
{
    // Chosen by cross-validation (magbot safety-eval --cross-validate): 12 or 25 epochs, other rates and L2 changed
    // recall and quiet by less than half a point, and training time is start-up time.
    private const int Epochs = 6;
    private const float LearningRate = 0.4f;
    private const float L2 = 1e-6f;
    private const float NegligibleGradient = 1e-3f;

    private readonly int[] _rowOf; // a hash bucket's row of weights; -1 for a bucket no training example has
    private readonly float[] _weights; // row-major: row * classes + class
    private readonly float[] _bias;

    private SafetyModel(string[] labels, int[] rowOf, float[] weights, float[] bias)
    {
        Labels = labels;
        _rowOf = rowOf;
        _weights = weights;
        _bias = bias;
    }

    /// <summary>The categories the model tells apart, in the order of <see cref="Predict"/>'s probabilities.</summary>
    public IReadOnlyList<string> Labels { get; }

    public static SafetyModel Train(IReadOnlyList<(string Text, string Label)> examples)
    {
        ArgumentNullException.ThrowIfNull(examples);
        if (examples.Count == 0) throw new ArgumentException("The safety model needs training examples.", nameof(examples));
        var labels = examples.Select(e => e.Label).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        var k = labels.Length;
        // Weights only for the buckets the examples use: a bucket no example has is never updated,
        // so its weights would stay zero. The same model as over every bucket, in a fraction of the memory, and trained
        // several times faster, since its weights fit in the processor's cache (tests/perf/RESULTS.md).
        var rowOf = new int[SafetyFeatures.Buckets];
        Array.Fill(rowOf, -1);
        var used = 0;
        var rows = examples.Select(e =>
        {
            var (buckets, value) = SafetyFeatures.Extract(e.Text);
            for (var i = 0; i < buckets.Length; i++)
            {
                ref var row = ref rowOf[buckets[i]];
                if (row < 0) row = used++;
                buckets[i] = row;
            }
            return (Features: (Rows: buckets, Value: value), Y: Array.IndexOf(labels, e.Label));
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
        return new SafetyModel(labels, rowOf, weights, bias);
    }

    /// <summary>The probability of each of <see cref="Labels"/> for <paramref name="text"/>.</summary>
    public float[] Predict(string? text)
    {
        var (buckets, value) = SafetyFeatures.Extract(text);
        // A bucket no training example had adds nothing (its weights would be zero): left out.
        var rows = 0;
        foreach (var b in buckets)
        {
            if (_rowOf[b] >= 0) buckets[rows++] = _rowOf[b];
        }
        var p = new float[Labels.Count];
        Probabilities(buckets.AsSpan(0, rows), value, _weights, _bias, p);
        return p;
    }

    /// <summary>Where <paramref name="label"/> stands in <see cref="Predict"/>'s probabilities.</summary>
    public int IndexOf(string label)
    {
        var i = Array.IndexOf((string[])Labels, label);
        return i >= 0 ? i : throw new ArgumentException($"The safety model was not trained on '{label}'.", nameof(label));
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
