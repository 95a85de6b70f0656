namespace MagBot.Dialogs.Understanding;

/// <summary>The medication recognizer (lexicon in Knowledge/Content/medications.yaml) behind <see cref="IMedicationFinder"/>.</summary>
public sealed class LexiconMedicationFinder(MedicationRecognizer recognizer) : IMedicationFinder
{
    public bool IsAvailable => true;

    public IReadOnlyList<string> FindCanonicalNames(string? text) =>
        [.. recognizer.Recognize(text).Found.Select(m => m.Canonical).Distinct(StringComparer.OrdinalIgnoreCase)];
}
