namespace MagBot.Cli.MedicationCheck;

/// <summary>The figures the medication check is held to on a labelled set of answers (issue 15).</summary>
public sealed class CheckEvaluation(IReadOnlyList<CheckAnswerScore> scores)
{
    public IReadOnlyList<CheckAnswerScore> Scores { get; } = scores;

    public int ExpectedMedicines => Scores.Sum(s => s.Answer.ExpectedMedicines.Count());
    public int FoundRight => ExpectedMedicines - Scores.Sum(s => s.MissedMedicines.Count);
    public int FoundWrong => Scores.Sum(s => s.ExtraMedicines.Count);

    public double Recall => ExpectedMedicines == 0 ? 1 : (double)FoundRight / ExpectedMedicines;
    public double Precision => FoundRight + FoundWrong == 0 ? 1 : (double)FoundRight / (FoundRight + FoundWrong);

    /// <summary>Ordinary words taken for a medicine: a name found that no reader expected, or a word asked about
    /// in an answer whose medicines were all found.</summary>
    public int OrdinaryWordsTaken => FoundWrong + Scores.Sum(s => s.OrdinaryWordsAskedAbout.Count);

    public int MagnesiumAnswers => Scores.Count(s => s.Answer.ExpectedMagnesium.Any());
    public int MagnesiumRecognised => Scores.Count(s => s.Answer.ExpectedMagnesium.Any() && s.MagnesiumRecognised);
    public int MagnesiumFormsMatch => Scores.Count(s => s.Answer.ExpectedMagnesium.Any() && s.MagnesiumFormsMatch);

    public int Stayed => Scores.Count(s => s.StayedInCheck);
}
