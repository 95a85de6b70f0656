using MagBot.Dialogs.Understanding.Labelled;

namespace MagBot.Dialogs.Understanding.Evaluation;

/// <summary>
/// Scores understanding against labelled data. The evaluation command and the accuracy tests both call
/// this, so the figure a test asserts is the figure the command prints.
/// </summary>
public static class NluEvaluator
{
    public static IntentEvaluation EvaluateIntents(IIntentRecognizer recognizer, IReadOnlyList<LabelledUtterance> examples, double clarifyThreshold)
    {
        ArgumentNullException.ThrowIfNull(recognizer);
        return new IntentEvaluation([.. examples.Select(e => new IntentPrediction(e, recognizer.Recognize(e.Text)))], clarifyThreshold);
    }

    public static MedicationEvaluation EvaluateMedications(IMedicationFinder finder, IReadOnlyList<LabelledMedicationMessage> examples)
    {
        ArgumentNullException.ThrowIfNull(finder);
        return new MedicationEvaluation([.. examples.Select(e => new MedicationPrediction(e,
            [.. finder.FindCanonicalNames(e.Text).Select(n => n.ToLowerInvariant()).Distinct()]))]);
    }

    /// <summary>
    /// K-fold cross-validation over the training split: each fold is predicted by a recognizer built from
    /// the other folds. This is what features and models are compared on, so the held-out split stays unseen.
    /// Folds are taken round-robin within each intent, so every fold holds every intent.
    /// </summary>
    public static IntentEvaluation CrossValidate(
        IReadOnlyList<LabelledUtterance> training, int folds, Func<IReadOnlyList<LabelledUtterance>, IIntentRecognizer> build, double clarifyThreshold)
    {
        if (folds < 2) throw new ArgumentOutOfRangeException(nameof(folds), folds, "Cross-validation needs at least 2 folds.");
        var foldOf = new Dictionary<LabelledUtterance, int>();
        foreach (var group in training.GroupBy(t => t.Intent))
        {
            var i = 0;
            foreach (var example in group) foldOf[example] = i++ % folds;
        }
        var predictions = new List<IntentPrediction>(training.Count);
        for (var fold = 0; fold < folds; fold++)
        {
            var recognizer = build([.. training.Where(t => foldOf[t] != fold)]);
            predictions.AddRange(training.Where(t => foldOf[t] == fold).Select(t => new IntentPrediction(t, recognizer.Recognize(t.Text))));
        }
        return new IntentEvaluation(predictions, clarifyThreshold);
    }
}
