using MagBot.Dialogs.Understanding;

namespace MagBot.Dialogs.Topics;

/// <summary>What the medication check is begun with when the turn has already read the medicines in the message that
/// starts it: the check takes them from <paramref name="Medicines"/> instead of reading the message again.</summary>
public sealed record MedicationCheckStart(string Text, MedicationReading Medicines);
