namespace MagBot.Dialogs.Engine;

/// <summary>One of several choices. What counts as choosing one (a button press, a title or synonym typed, "the
/// second one") is the <paramref name="recognize"/> delegate's to say: it gets the text and the choices in words, and
/// returns the one chosen or null.</summary>
public sealed class ChoicePrompt(Func<string, IReadOnlyList<Choice>, Choice?> recognize, string id = ChoicePrompt.DefaultId) : Prompt<Choice>(id)
{
    public const string DefaultId = "prompt.choice";

    private readonly Func<string, IReadOnlyList<Choice>, Choice?> _recognize = recognize ?? throw new ArgumentNullException(nameof(recognize));

    protected override bool TryRecognize(DialogContext dc, string text, PromptOptions options, out Choice value)
    {
        var found = _recognize(text, Choices(dc, options));
        value = found!;
        return found is not null;
    }
}
