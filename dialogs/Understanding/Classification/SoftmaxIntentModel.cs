namespace MagBot.Dialogs.Understanding.Classification;

/// <summary>
/// Multinomial logistic regression trained with AdaGrad and L2 regularisation, deterministic (fixed
/// shuffle seed). Chosen over naive Bayes because its probabilities are less extreme, so the confidence
/// threshold for a clarifying question means something (see tests/MagBot.Benchmarks/RESULTS.md and the
/// cross-validation figures printed by `nlu-eval --cross-validate`).
/// </summary>
public sealed class SoftmaxIntentModel : IIntentModel, ILinearIntentModel
{
    private const int Epochs = 60;
    private const double LearningRate = 0.5;
    private const double L2 = 1e-4;
    private const double NegligibleGradient = 1e-3;

    private readonly FeatureIndex _index;
    private readonly string[] _classes;
    private readonly double[] _weights; // column-major: feature * classes + class
    private readonly double[] _bias;

    private SoftmaxIntentModel(FeatureIndex index, string[] classes, double[] weights, double[] bias)
    {
        _index = index;
        _classes = classes;
        _weights = weights;
        _bias = bias;
    }

    public static SoftmaxIntentModel Train(IReadOnlyList<(IReadOnlyDictionary<string, double> Features, string Intent)> examples) =>
        Train(examples, [.. Intents.All.Where(i => examples.Any(e => e.Intent == i))]);

    /// <summary>Trains over any set of <paramref name="classes"/> (the fact retriever's classes are fact keys, not intents).</summary>
    public static SoftmaxIntentModel Train(IReadOnlyList<(IReadOnlyDictionary<string, double> Features, string Intent)> examples, string[] classes)
    {
        var index = new FeatureIndex();
        foreach (var (features, _) in examples)
        {
            foreach (var name in features.Keys) index.Add(name);
        }
        var k = classes.Length;
        var rows = examples.Select(e => (X: index.Sparse(e.Features), Y: Array.IndexOf(classes, e.Intent))).ToArray();

        var weights = new double[index.Count * k];
        var bias = new double[k];
        var gradSquares = new double[index.Count * k];
        var biasSquares = new double[k];
        var order = Enumerable.Range(0, rows.Length).ToArray();
        var random = new Random(20261125);
        var p = new double[k];
        var gradient = new double[k];
        var active = new int[k];

        for (var epoch = 0; epoch < Epochs; epoch++)
        {
            random.Shuffle(order);
            foreach (var r in order)
            {
                var (x, y) = rows[r];
                Logits(x, weights, bias, k, p);
                SoftmaxInPlace(p);
                var n = 0;
                for (var c = 0; c < k; c++)
                {
                    var g = p[c] - (c == y ? 1 : 0);
                    // Most classes are already near 0 for a given example: skipping their negligible
                    // updates makes training several times faster with the same accuracy.
                    if (Math.Abs(g) < NegligibleGradient) continue;
                    gradient[c] = g;
                    active[n++] = c;
                    biasSquares[c] += g * g;
                    bias[c] -= LearningRate * g / Math.Sqrt(biasSquares[c] + 1e-8);
                }
                // Feature by feature, so each feature's classes are updated where they sit together in memory (each
                // weight's update is the same as class by class: it depends on that weight alone).
                foreach (var (column, value) in x)
                {
                    var row = column * k;
                    for (var j = 0; j < n; j++)
                    {
                        var c = active[j];
                        var at = row + c;
                        var gw = gradient[c] * value + L2 * weights[at];
                        gradSquares[at] += gw * gw;
                        weights[at] -= LearningRate * gw / Math.Sqrt(gradSquares[at] + 1e-8);
                    }
                }
            }
        }
        return new SoftmaxIntentModel(index, classes, weights, bias);
    }

    public IReadOnlyList<(string Intent, double Score)> Predict(IReadOnlyDictionary<string, double> features)
    {
        var logits = new double[_classes.Length];
        Logits(_index.Sparse(features), _weights, _bias, _classes.Length, logits);
        return FeatureIndex.Ranked(_classes, FeatureIndex.Softmax(logits));
    }

    public bool Knows(string feature) => _index.Knows(feature);

    /// <summary>Writes the trained model exactly (every weight bit for bit), for <see cref="Read"/>.</summary>
    public void Write(BinaryWriter writer)
    {
        writer.Write(_classes.Length);
        foreach (var c in _classes) writer.Write(c);
        var names = _index.Names();
        writer.Write(names.Length);
        foreach (var n in names) writer.Write(n);
        foreach (var w in _weights) writer.Write(w);
        foreach (var b in _bias) writer.Write(b);
    }

    /// <summary>Reads a model written by <see cref="Write"/>: the same model, without training it again.</summary>
    public static SoftmaxIntentModel Read(BinaryReader reader)
    {
        var classes = new string[reader.ReadInt32()];
        for (var i = 0; i < classes.Length; i++) classes[i] = reader.ReadString();
        var index = new FeatureIndex();
        var features = reader.ReadInt32();
        for (var i = 0; i < features; i++) index.Add(reader.ReadString());
        var weights = new double[features * classes.Length];
        for (var i = 0; i < weights.Length; i++) weights[i] = reader.ReadDouble();
        var bias = new double[classes.Length];
        for (var i = 0; i < bias.Length; i++) bias[i] = reader.ReadDouble();
        return new SoftmaxIntentModel(index, classes, weights, bias);
    }
    FeatureIndex ILinearIntentModel.Index => _index;
    string[] ILinearIntentModel.Classes => _classes;
    double[] ILinearIntentModel.Bias => _bias;
    double[] ILinearIntentModel.Weights => _weights;

    /// <summary><see cref="FeatureIndex.Softmax"/> without its three arrays per call: the same arithmetic in the same order.</summary>
    private static void SoftmaxInPlace(double[] logits)
    {
        var max = logits.Max();
        var sum = 0.0;
        for (var i = 0; i < logits.Length; i++)
        {
            logits[i] = Math.Exp(logits[i] - max);
            sum += logits[i];
        }
        for (var i = 0; i < logits.Length; i++) logits[i] /= sum;
    }

    private static void Logits((int Column, double Value)[] x, double[] weights, double[] bias, int k, double[] logits)
    {
        Array.Copy(bias, logits, k);
        foreach (var (column, value) in x)
        {
            var row = column * k;
            for (var c = 0; c < k; c++) logits[c] += weights[row + c] * value;
        }
    }
}
