using MagBot.Dialogs.Understanding;

namespace MagBot.Dialogs.Engine;

/// <summary>Yes or no, in the many ways people say it ("yeah", "nope", "not really", "sure").</summary>
public sealed class ConfirmPrompt(string id = ConfirmPrompt.DefaultId) : Prompt<bool>(id)
{
    public const string DefaultId = "prompt.confirm";

    protected override bool TryRecognize(DialogContext dc, string text, PromptOptions options, out bool value)
    {
        var answer = YesNoRecognizer.Recognize(text);
        value = answer == true;
        return answer is not null;
    }
}
