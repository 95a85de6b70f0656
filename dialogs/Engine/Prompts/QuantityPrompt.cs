namespace MagBot.Dialogs.Engine;

/// <summary>A number, dose or age: the <paramref name="recognize"/> delegate reads it from the text (null when there is
/// none), and the prompt checks it against the options' <see cref="PromptOptions.Min"/> and <see cref="PromptOptions.Max"/>.</summary>
public sealed class QuantityPrompt(string id, Func<string, double?> recognize) : Prompt<double>(id)
{
    private readonly Func<string, double?> _recognize = recognize ?? throw new ArgumentNullException(nameof(recognize));

    protected override bool TryRecognize(DialogContext dc, string text, PromptOptions options, out double value)
    {
        var found = _recognize(text);
        value = found ?? 0;
        return found is { } v && (options.Min is null || v >= options.Min) && (options.Max is null || v <= options.Max);
    }
}
