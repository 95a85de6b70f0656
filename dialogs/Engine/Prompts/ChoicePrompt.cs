using MagBot.Dialogs.Understanding;

namespace MagBot.Dialogs.Engine;

/// <summary>One of several choices: a button press, the title or a synonym typed, or an ordinal ("2", "the second one").</summary>
public sealed class ChoicePrompt(string id = ChoicePrompt.DefaultId) : Prompt<Choice>(id)
{
    public const string DefaultId = "prompt.choice";

    protected override bool TryRecognize(DialogContext dc, string text, PromptOptions options, out Choice value)
    {
        var found = ChoiceRecognizer.Recognize(text, Choices(dc, options));
        value = found!;
        return found is not null;
    }
}
