namespace MagBot.Dialogs.Engine;

/// <summary>Free text: any non-empty message is an answer.</summary>
public sealed class TextPrompt(string id = TextPrompt.DefaultId) : Prompt<string>(id)
{
    public const string DefaultId = "prompt.text";

    protected override bool TryRecognize(DialogContext dc, string text, PromptOptions options, out string value)
    {
        value = text;
        return text.Length > 0;
    }

    // Free text accepts anything, so it must not swallow interruptions such as a new topic.
    public override bool Accepts(DialogContext dc, string text) => false;
}
