using MagBot.Dialogs.Understanding.Answers;
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
        return new IntentEvaluation([.. examples.Select(e => new IntentPrediction(e, recognizer.Recognize(e.Text)))], clarifyThreshold, Clarifier(clarifyThreshold));
    }

    /// <summary>The bot's own rule (<see cref="ClarifyPolicy"/>) at its threshold; another threshold compares by score alone.</summary>
    private static Func<IntentResult, bool> Clarifier(double threshold) =>
        threshold == ClarifyPolicy.Threshold ? ClarifyPolicy.ShouldClarify : r => r.Score < threshold;

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
        return new IntentEvaluation(predictions, clarifyThreshold, Clarifier(clarifyThreshold));
    }

    /// <summary>Answers as the bot gives them: the intent first (a question it would clarify, or that is not about an
    /// information topic, gets no fact), then the fact retriever. Without <paramref name="recognizer"/>, the retriever alone.</summary>
    public static AnswerEvaluation EvaluateAnswers(FactRetriever retriever, IIntentRecognizer? recognizer, IReadOnlyList<LabelledQuestion> questions)
    {
        ArgumentNullException.ThrowIfNull(retriever);
        return new AnswerEvaluation([.. questions.Select(q => Answer(retriever, recognizer, q))]);
    }

    private static AnswerPrediction Answer(FactRetriever retriever, IIntentRecognizer? recognizer, LabelledQuestion question)
    {
        if (recognizer is null) return new AnswerPrediction(question, retriever.Find(question.Text));
        var intent = recognizer.Recognize(question.Text);
        return new AnswerPrediction(question, retriever.Answer(question.Text, intent) ?? FactAnswer.DontKnow(0, []), intent)
        {
            Retrieved = retriever.Find(question.Text, intent),
        };
    }

    /// <summary>K-fold cross-validation of the retriever over its own attached questions (round-robin within each class).</summary>
    public static IReadOnlyList<(string Text, string Class, FactAnswer Answer)> CrossValidateAnswers(
        IReadOnlyList<(string Text, string Class)> examples, int folds, Func<IReadOnlyList<(string Text, string Class)>, FactRetriever> build,
        IIntentRecognizer? recognizer = null)
    {
        var foldOf = new Dictionary<(string, string), int>();
        foreach (var group in examples.GroupBy(e => e.Class))
        {
            var i = 0;
            foreach (var e in group) foldOf[e] = i++ % folds;
        }
        var results = new List<(string, string, FactAnswer)>(examples.Count);
        for (var fold = 0; fold < folds; fold++)
        {
            var retriever = build([.. examples.Where(e => foldOf[e] != fold)]);
            results.AddRange(examples.Where(e => foldOf[e] == fold).Select(e => (e.Text, e.Class, retriever.Find(e.Text, recognizer?.Recognize(e.Text)))));
        }
        return results;
    }
}
