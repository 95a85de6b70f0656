using MagBot.Dialogs.Bot;
using MagBot.Dialogs.Understanding;
using MagBot.Dialogs.Understanding.Evaluation;
using MagBot.Dialogs.Understanding.Labelled;

namespace MagBot.Dialogs.Tests.Understanding;

/// <summary>The figures `magbot nlu-eval` prints, asserted: the same evaluator on the same files.</summary>
public sealed class IntentAccuracyTests
{
    [Fact]
    public void Held_out_accuracy_is_at_least_95_percent()
    {
        var evaluation = NluEvaluator.EvaluateIntents(LabelledData.Recognizer, LabelledData.HeldOut.Utterances, ConversationRunner.ClarifyThreshold);

        Assert.True(evaluation.Accuracy >= 0.95,
            $"Held-out accuracy {evaluation.Accuracy:P1} is below 95%. Mistakes:\n" +
            string.Join("\n", evaluation.Mistakes.Select(m => $"  line {m.Example.Line}: \"{m.Example.Text}\" expected {m.Example.Intent}, got {m.Result.Intent} ({m.Result.Score:0.00})")));
    }

    [Fact]
    public void Held_out_split_is_at_least_a_quarter_of_all_labelled_utterances_and_covers_every_intent()
    {
        // Since issue 21 the blind set (written without sight of the training data) is held out too.
        var heldOut = LabelledData.HeldOut.Utterances.Concat(NluDataFile.Load(Path.Combine(AppContext.BaseDirectory, "Data", "blind-intents-1.yaml")).Utterances).ToList();
        var training = NluDataFile.LoadTraining().Utterances;

        Assert.True(heldOut.Count + training.Count >= 400, $"Only {heldOut.Count + training.Count} labelled utterances.");
        Assert.True(heldOut.Count >= 0.25 * (heldOut.Count + training.Count), $"Held-out has {heldOut.Count} of {heldOut.Count + training.Count}.");
        Assert.Empty(Intents.All.Except(heldOut.Select(u => u.Intent)));
        Assert.Empty(Intents.All.Except(training.Select(u => u.Intent)));
    }

    [Fact]
    public void Every_held_out_command_is_recognised_as_that_command()
    {
        // Commands act at any depth, so their recall must be perfect, not merely 95%.
        var commands = LabelledData.HeldOut.Utterances.Where(u => Intents.IsCommand(u.Intent)).ToList();
        var evaluation = NluEvaluator.EvaluateIntents(LabelledData.Recognizer, commands, ConversationRunner.ClarifyThreshold);

        Assert.Empty(evaluation.Mistakes.Select(m => $"{m.Example.Text} -> {m.Result.Intent}"));
        Assert.All(evaluation.Predictions, p => Assert.True(p.Result.Score >= ConversationRunner.ClarifyThreshold, p.Example.Text));
    }

    [Fact]
    public void Logistic_regression_beats_the_keyword_baseline_in_cross_validation()
    {
        var training = NluDataFile.LoadTraining();
        var cues = new MagBot.Dialogs.Understanding.Classification.IntentCues(training.Cues);

        var model = NluEvaluator.CrossValidate(training.Utterances, 5, t => new IntentRecognizer(t, cues, NoMedicationFinder.Instance), ConversationRunner.ClarifyThreshold);
        var baseline = NluEvaluator.CrossValidate(training.Utterances, 5, _ => new KeywordIntentRecognizer(), ConversationRunner.ClarifyThreshold);

        Assert.True(model.Accuracy > baseline.Accuracy + 0.2, $"model {model.Accuracy:P1}, keyword baseline {baseline.Accuracy:P1}");
        // The confidence is worth asking on: right answers are surer than wrong ones.
        Assert.True(model.MeanConfidence(true) > model.MeanConfidence(false) + 0.15);
    }

    [Fact]
    public void Training_is_deterministic()
    {
        var a = new IntentRecognizer(NoMedicationFinder.Instance);
        var b = new IntentRecognizer(NoMedicationFinder.Instance);
        foreach (var u in LabelledData.HeldOut.Utterances)
        {
            Assert.Equal(a.Recognize(u.Text), b.Recognize(u.Text), IntentResultComparer.Instance);
        }
    }

    private sealed class IntentResultComparer : IEqualityComparer<IntentResult>
    {
        public static IntentResultComparer Instance { get; } = new();
        public bool Equals(IntentResult? x, IntentResult? y) => x!.Intent == y!.Intent && Math.Abs(x.Score - y.Score) < 1e-12;
        public int GetHashCode(IntentResult obj) => obj.Intent.GetHashCode(StringComparison.Ordinal);
    }
}
