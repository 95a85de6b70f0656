namespace MagBot.Dialogs.Engine;

/// <summary>Yes or no. The <paramref name="recognize"/> delegate reads the many ways people say it ("yeah", "nope",
/// "not really") and returns true, false, or null when the text says neither.</summary>
public sealed class ConfirmPrompt(Func<string, bool?> recognize, string id = ConfirmPrompt.DefaultId) : Prompt<bool>(id)
{
    public const string DefaultId = "prompt.confirm";

    private readonly Func<string, bool?> _recognize = recognize ?? throw new ArgumentNullException(nameof(recognize));

    protected override bool TryRecognize(DialogContext dc, string text, PromptOptions options, out bool value)
    {
        var answer = _recognize(text);
        value = answer == true;
        return answer is not null;
    }
}
