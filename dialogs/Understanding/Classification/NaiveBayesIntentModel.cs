namespace MagBot.Dialogs.Understanding.Classification;

/// <summary>
/// Multinomial naive Bayes with additive smoothing: the classic small-data text classifier, kept as a
/// comparison for the logistic regression the recognizer uses (`nlu-eval --model naive-bayes`).
/// </summary>
public sealed class NaiveBayesIntentModel : IIntentModel, ILinearIntentModel
{
    private const double Smoothing = 0.1;

    private readonly FeatureIndex _index;
    private readonly string[] _classes;
    private readonly double[] _logPrior;
    private readonly double[] _logLikelihood; // feature * classes + class

    private NaiveBayesIntentModel(FeatureIndex index, string[] classes, double[] logPrior, double[] logLikelihood)
    {
        _index = index;
        _classes = classes;
        _logPrior = logPrior;
        _logLikelihood = logLikelihood;
    }

    public static NaiveBayesIntentModel Train(IReadOnlyList<(IReadOnlyDictionary<string, double> Features, string Intent)> examples)
    {
        var index = new FeatureIndex();
        foreach (var (features, _) in examples)
        {
            foreach (var name in features.Keys) index.Add(name);
        }
        var classes = Intents.All.Where(i => examples.Any(e => e.Intent == i)).ToArray();
        var k = classes.Length;
        var mass = new double[index.Count * k];
        var totals = new double[k];
        var counts = new double[k];
        foreach (var (features, intent) in examples)
        {
            var c = Array.IndexOf(classes, intent);
            counts[c]++;
            foreach (var (column, value) in index.Sparse(features))
            {
                mass[column * k + c] += value;
                totals[c] += value;
            }
        }
        var logLikelihood = new double[mass.Length];
        for (var f = 0; f < index.Count; f++)
        {
            for (var c = 0; c < k; c++)
            {
                logLikelihood[f * k + c] = Math.Log((mass[f * k + c] + Smoothing) / (totals[c] + Smoothing * index.Count));
            }
        }
        var logPrior = counts.Select(n => Math.Log(n / examples.Count)).ToArray();
        return new NaiveBayesIntentModel(index, classes, logPrior, logLikelihood);
    }

    public IReadOnlyList<(string Intent, double Score)> Predict(IReadOnlyDictionary<string, double> features)
    {
        var k = _classes.Length;
        var logits = (double[])_logPrior.Clone();
        foreach (var (column, value) in _index.Sparse(features))
        {
            for (var c = 0; c < k; c++) logits[c] += value * _logLikelihood[column * k + c];
        }
        return FeatureIndex.Ranked(_classes, FeatureIndex.Softmax(logits));
    }

    public bool Knows(string feature) => _index.Knows(feature);

    FeatureIndex ILinearIntentModel.Index => _index;
    string[] ILinearIntentModel.Classes => _classes;
    double[] ILinearIntentModel.Bias => _logPrior;
    double[] ILinearIntentModel.Weights => _logLikelihood;
}
