namespace MagBot.Dialogs.Understanding.Labelled;

/// <summary>A message and the canonical medicine names a reader finds in it (empty when it names none).</summary>
public sealed record LabelledMedicationMessage(string Text, IReadOnlyList<string> Expected, int Line);
