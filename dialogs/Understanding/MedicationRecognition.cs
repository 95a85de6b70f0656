namespace MagBot.Dialogs.Understanding;

/// <summary>
/// What <see cref="MedicationRecognizer"/> read in a message: the medicines it <paramref name="Found"/>,
/// the medicine-like words it could not match (<paramref name="Unknown"/>: the bot asks about each one
/// rather than assume it is harmless), and whether the person said they take none.
/// </summary>
public sealed record MedicationRecognition(IReadOnlyList<MedicationMention> Found, IReadOnlyList<string> Unknown, bool SaidNone)
{
    public static MedicationRecognition Empty { get; } = new([], [], false);
}
