namespace MagBot.Dialogs.Understanding;

/// <summary>Used when no medication lexicon is registered: finds nothing and says it is not available.</summary>
public sealed class NoMedicationFinder : IMedicationFinder
{
    public static NoMedicationFinder Instance { get; } = new();

    public bool IsAvailable => false;

    public IReadOnlyList<string> FindCanonicalNames(string? text) => [];
}
