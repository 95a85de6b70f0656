namespace MagBot.Dialogs.Understanding;

/// <summary>
/// The canonical names of the medicines a message names. A seam over the medication recognizer of the
/// screening issue, so the intent recognizer (a medicine named alone means "check my medications")
/// and the evaluation can use it without depending on how it is built.
/// </summary>
public interface IMedicationFinder
{
    /// <summary>False while no lexicon is wired in: evaluations then report medications as not measured.</summary>
    bool IsAvailable { get; }

    IReadOnlyList<string> FindCanonicalNames(string? text);
}
