using MagBot.Dialogs.Engine;
using MagBot.Dialogs.Knowledge;
using MagBot.Dialogs.Understanding;

namespace MagBot.Dialogs.Topics;

/// <summary>An answer to "do any of these apply to you?": the conditions named (denied ones left out), or none, and any
/// medicine remembered late ("oh, and lasix"), which the check adds instead of dropping.</summary>
public sealed record ConditionsAnswer(IReadOnlyList<HealthCondition> Conditions, MedicationRecognition LateMedicines);

/// <summary>Asks which of the conditions that call for a provider apply. A condition, "none", "no", the none button or a
/// medicine answers it; anything else is asked once more, and then the check notes that it could not tell.</summary>
public sealed class ConditionsPrompt(string id, MedicationRecognizer recognizer, MedicationLexicon lexicon) : Prompt<ConditionsAnswer>(id)
{
    /// <summary>The conditions, listed under the question and offered as buttons.</summary>
    protected override IReadOnlyList<string> Items(DialogContext dc) => [.. lexicon.Conditions.Select(c => c.Name)];

    protected override bool TryRecognize(DialogContext dc, string text, PromptOptions options, out ConditionsAnswer value)
    {
        var late = recognizer.RecognizeAnswer(text);
        value = new ConditionsAnswer(recognizer.RecognizeConditions(text), late);
        return late.Found.Count > 0 || value.Conditions.Count > 0
            || MedicationRecognizer.SaysNone(TextNormalizer.Words(text)) || YesNoRecognizer.Recognize(text) == false || IsButton(dc, options, text);
    }

    // "yes" does not say which condition, but it answers this question: it is asked again, not taken as a side question.
    public override bool Accepts(DialogContext dc, string text) =>
        base.Accepts(dc, text) || YesNoRecognizer.Recognize(text) is not null;
}
