namespace MagBot.Dialogs.Understanding.Evaluation;

/// <summary>
/// How a recognizer did on labelled examples, as <c>rasa test nlu</c> reports it: accuracy, per-intent
/// precision/recall/F1, a confusion table and the mistakes; plus what the confidence is worth — how
/// often the bot would ask a clarifying question, and how accurate it is when it does not.
/// </summary>
public sealed class IntentEvaluation
{
    public IntentEvaluation(IReadOnlyList<IntentPrediction> predictions, double clarifyThreshold, Func<IntentResult, bool>? clarifies = null)
    {
        Predictions = predictions;
        ClarifyThreshold = clarifyThreshold;
        _clarifies = clarifies ?? (r => r.Score < clarifyThreshold);
        Labels = [.. Intents.All.Where(i => predictions.Any(p => p.Example.Intent == i || p.Result.Intent == i))];
        Scores = [.. Labels.Select(Score)];
    }

    private readonly Func<IntentResult, bool> _clarifies;

    public IReadOnlyList<IntentPrediction> Predictions { get; }
    public double ClarifyThreshold { get; }
    public IReadOnlyList<string> Labels { get; }
    public IReadOnlyList<IntentScore> Scores { get; }

    public int Count => Predictions.Count;
    public int Correct => Predictions.Count(p => p.IsCorrect);
    public double Accuracy => Count == 0 ? 0 : (double)Correct / Count;
    public double MacroF1 => Scores.Where(s => s.Support > 0).Select(s => s.F1).DefaultIfEmpty(0).Average();

    /// <summary>Whether the bot asks which topic was meant for this prediction instead of acting on it.</summary>
    public bool Clarifies(IntentPrediction prediction) => _clarifies(prediction.Result);

    /// <summary>Share of messages the bot asks about (low score, or two close topics).</summary>
    public double ClarifyRate => Count == 0 ? 0 : (double)Predictions.Count(Clarifies) / Count;

    /// <summary>Share of all messages acted on with a wrong intent: sent to a wrong topic, command or reply.</summary>
    public double WrongActedRate => Count == 0 ? 0 : (double)ConfidentMistakes.Count / Count;

    /// <summary>Share of all messages acted on with the right intent (what the bot does without asking back).</summary>
    public double ActedCorrectRate => Count == 0 ? 0 : (double)Predictions.Count(p => p.IsCorrect && !Clarifies(p)) / Count;

    /// <summary>Accuracy on the messages the bot acts on without asking.</summary>
    public double ConfidentAccuracy
    {
        get
        {
            var acted = Predictions.Where(p => !Clarifies(p)).ToList();
            return acted.Count == 0 ? 0 : (double)acted.Count(p => p.IsCorrect) / acted.Count;
        }
    }

    /// <summary>Wrong answers given with confidence at or above the threshold: the bot would act on a wrong topic.</summary>
    public IReadOnlyList<IntentPrediction> ConfidentMistakes => [.. Mistakes.Where(p => !Clarifies(p))];

    /// <summary>Acted on, wrong, and the intent acted on is a topic: the person gets a topic they did not ask about.</summary>
    public IReadOnlyList<IntentPrediction> WrongTopics => [.. ConfidentMistakes.Where(p => IntentRecognizer.IsTopic(p.Result.Intent))];

    public double WrongTopicRate => Count == 0 ? 0 : (double)WrongTopics.Count / Count;

    public IReadOnlyList<IntentPrediction> Mistakes => [.. Predictions.Where(p => !p.IsCorrect)];

    /// <summary>
    /// What happened to every message, as (outcome, count) in a fixed order: acted on rightly; clarified though the best
    /// intent was right; clarified with the right intent among the three offered, or not offered; acted on a wrong topic;
    /// acted on a wrong command, reply or "out of scope".
    /// </summary>
    public IReadOnlyList<(string Outcome, int Count)> Breakdown()
    {
        string[] order = ["right, acted on", "right, but clarified", "wrong, clarified, right one offered", "wrong, clarified, right one not offered",
            "wrong topic acted on", "wrong command, reply or out of scope acted on"];
        var counts = Predictions.GroupBy(Outcome).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        return [.. order.Select(o => (o, counts.GetValueOrDefault(o)))];
    }

    private string Outcome(IntentPrediction p)
    {
        var clarified = Clarifies(p);
        if (p.IsCorrect) return clarified ? "right, but clarified" : "right, acted on";
        if (clarified)
        {
            var offered = p.Result.Alternatives.Take(2).Any(a => a.Intent == p.Example.Intent);
            return offered ? "wrong, clarified, right one offered" : "wrong, clarified, right one not offered";
        }
        return IntentRecognizer.IsTopic(p.Result.Intent) ? "wrong topic acted on" : "wrong command, reply or out of scope acted on";
    }

    public double MeanConfidence(bool correct) =>
        Predictions.Where(p => p.IsCorrect == correct).Select(p => p.Result.Score).DefaultIfEmpty(double.NaN).Average();

    /// <summary>Expected calibration error over ten confidence bins: how far stated confidence is from observed accuracy.</summary>
    public double CalibrationError
    {
        get
        {
            if (Count == 0) return 0;
            return Predictions
                .GroupBy(p => Math.Min(9, (int)(p.Result.Score * 10)))
                .Sum(g => (double)g.Count() / Count * Math.Abs(g.Average(p => p.Result.Score) - g.Average(p => p.IsCorrect ? 1.0 : 0.0)));
        }
    }

    /// <summary>Count of examples labelled <paramref name="expected"/> and recognised as <paramref name="predicted"/>.</summary>
    public int Confusion(string expected, string predicted) =>
        Predictions.Count(p => p.Example.Intent == expected && p.Result.Intent == predicted);

    private IntentScore Score(string intent)
    {
        var tp = Predictions.Count(p => p.Example.Intent == intent && p.Result.Intent == intent);
        var predicted = Predictions.Count(p => p.Result.Intent == intent);
        var support = Predictions.Count(p => p.Example.Intent == intent);
        var precision = predicted == 0 ? 0 : (double)tp / predicted;
        var recall = support == 0 ? 0 : (double)tp / support;
        var f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        return new IntentScore(intent, precision, recall, f1, support);
    }
}
