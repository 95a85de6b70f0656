using MagBot.Dialogs.Understanding.Labelled;

namespace MagBot.Dialogs.Understanding.Evaluation;

/// <summary>
/// Medication recognition over labelled messages, counted per canonical name: a name found that a reader
/// did not expect is a false positive, a name expected but not found a false negative.
/// </summary>
public sealed class MedicationEvaluation(IReadOnlyList<MedicationPrediction> predictions)
{
    public IReadOnlyList<MedicationPrediction> Predictions { get; } = predictions;

    public int TruePositives => Predictions.Sum(p => p.Found.Intersect(p.Example.Expected).Count());
    public int FalsePositives => Predictions.Sum(p => p.Found.Except(p.Example.Expected).Count());
    public int FalseNegatives => Predictions.Sum(p => p.Example.Expected.Except(p.Found).Count());

    public double Precision => TruePositives + FalsePositives == 0 ? 1 : (double)TruePositives / (TruePositives + FalsePositives);
    public double Recall => TruePositives + FalseNegatives == 0 ? 1 : (double)TruePositives / (TruePositives + FalseNegatives);

    /// <summary>Messages that name no medicine in which one was found anyway.</summary>
    public IReadOnlyList<MedicationPrediction> FoundInNoneMessages => [.. Predictions.Where(p => p.Example.Expected.Count == 0 && p.Found.Count > 0)];

    public IReadOnlyList<MedicationPrediction> Mistakes => [.. Predictions.Where(p => !p.IsCorrect)];
}

/// <summary>One labelled message and the canonical names found in it.</summary>
public sealed record MedicationPrediction(LabelledMedicationMessage Example, IReadOnlyList<string> Found)
{
    public bool IsCorrect => Found.Count == Example.Expected.Count && !Found.Except(Example.Expected).Any();
}
