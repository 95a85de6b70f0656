using MagBot.Dialogs.Engine;
using MagBot.Dialogs.Understanding;

namespace MagBot.Dialogs.Topics;

/// <summary>Which of the medication check's questions a <see cref="MedicationPrompt"/> asks.</summary>
public enum MedicationQuestion
{
    /// <summary>"Which medicines and supplements do you take?"</summary>
    List,
    /// <summary>"Do you take anything else?"</summary>
    More,
    /// <summary>"I don't know this name: can you check the spelling?"</summary>
    UnknownName,
}

/// <summary>An answer to one of the check's medicine questions: the medicines read in it, a plain yes or no, and whether
/// the person declined (said none, "no more", or pressed the prompt's none or skip button).</summary>
public sealed record MedicationAnswer(MedicationQuestion Question, MedicationRecognition Medicines, bool? Yes, bool Declined)
{
    public bool NamesMedicines => Medicines.Found.Count > 0;
}

/// <summary>
/// Asks for medicines and reads the answer with the <see cref="MedicationRecognizer"/>. While it asks for the list, a
/// message is its answer whatever else it mentions ("Flexeril at bedtime for my fibro", "magnesium citrate for
/// constipation", "why do you need to know"): only a command, handled before any dialog, or a topic button leaves it.
/// Its other questions keep what answers them and let a side question through, so the check can be offered back.
/// </summary>
public sealed class MedicationPrompt(string id, MedicationQuestion question, MedicationRecognizer recognizer) : Prompt<MedicationAnswer>(id)
{
    public MedicationQuestion Question { get; } = question;

    protected override bool TryRecognize(DialogContext dc, string text, PromptOptions options, out MedicationAnswer value)
    {
        value = Read(dc, text, options);
        var r = value.Medicines;
        return Question switch
        {
            MedicationQuestion.List => r.Found.Count > 0 || r.Unknown.Count > 0 || value.Declined,
            // Whatever follows "anything else?" that names nothing new ends the list.
            MedicationQuestion.More => true,
            // Another name not read is asked about once more; anything else (a medicine, skip, "no") answers.
            _ => r.Found.Count > 0 || value.Declined || r.Unknown.Count == 0,
        };
    }

    public override bool Accepts(DialogContext dc, string text)
    {
        var options = OptionsOf(dc);
        if (options is null) return false;
        // A topic button leaves the check at any of its questions, even one whose title names magnesium.
        if (TopicCatalog.Embedded.IsButton(text, dc.Content)) return false;
        if (Question == MedicationQuestion.List) return true;
        var answer = Read(dc, text, options);
        var r = answer.Medicines;
        return r.Found.Count > 0 || r.Unknown.Count > 0 || answer.Declined || answer.Yes is not null;
    }

    private MedicationAnswer Read(DialogContext dc, string text, PromptOptions options)
    {
        var r = recognizer.RecognizeAnswer(text);
        var yes = YesNoRecognizer.Recognize(text);
        var declined = r.Found.Count == 0 && (r.SaidNone || yes == false || IsButton(dc, options, text));
        return new MedicationAnswer(Question, r, yes, declined);
    }
}
