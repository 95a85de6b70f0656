namespace MagBot.Dialogs.Understanding;

/// <summary>
/// The medicines in one message as <see cref="MedicationRecognizer"/> reads them, read on first use and then kept, so
/// the steps of a turn that ask (intent recognition, the runner, the start of the medication check) read them once.
/// A message that never needs them (a command, a button) is never read.
/// </summary>
public sealed class MedicationReading(MedicationRecognizer recognizer, string? text)
{
    private MedicationRecognition? _recognition;

    /// <summary>The message read.</summary>
    public string? Text { get; } = text;

    public MedicationRecognition Recognition => _recognition ??= recognizer.Recognize(Text);
}
