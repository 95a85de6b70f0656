namespace MagBot.Cli.MedicationCheck;

/// <summary>What the bot made of one labelled answer: the names it found (own magnesium as <c>magnesium:FORM</c>),
/// the words it would ask about as unknown medicines, and whether the medication check was still open afterwards.</summary>
public sealed record CheckAnswerScore(CheckAnswer Answer, IReadOnlyList<string> Found, IReadOnlyList<string> AskedAbout, bool StayedInCheck)
{
    public IReadOnlyList<string> FoundMedicines => [.. Found.Where(f => !CheckAnswer.IsOwnMagnesium(f))];

    public IReadOnlyList<string> FoundMagnesium => [.. Found.Where(CheckAnswer.IsOwnMagnesium)];

    public IReadOnlyList<string> MissedMedicines => [.. Answer.ExpectedMedicines.Except(FoundMedicines)];

    public IReadOnlyList<string> ExtraMedicines => [.. FoundMedicines.Except(Answer.ExpectedMedicines)];

    /// <summary>Every expected medicine was found, so each word still asked about is an ordinary word taken for a medicine.</summary>
    public IReadOnlyList<string> OrdinaryWordsAskedAbout => MissedMedicines.Count == 0 ? AskedAbout : [];

    public bool MagnesiumRecognised => !Answer.ExpectedMagnesium.Any() || FoundMagnesium.Count > 0;

    public bool MagnesiumFormsMatch => !Answer.ExpectedMagnesium.Except(FoundMagnesium).Any();
}
