using MagBot.Dialogs.Understanding;

namespace MagBot.Dialogs.Engine;

/// <summary>What a <see cref="QuantityPrompt"/> asks for.</summary>
public enum QuantityKind
{
    /// <summary>A plain number ("three", "2.5").</summary>
    Number,
    /// <summary>A dose in milligrams ("two hundred mg", "0.4 g", "400").</summary>
    DoseMilligrams,
    /// <summary>An age in years ("45", "45 years old", "forty-five").</summary>
    AgeYears,
}

/// <summary>A number, dose or age, read with Microsoft.Recognizers.Text and checked against the options' range.</summary>
public sealed class QuantityPrompt(string id, QuantityKind kind, QuantityRecognizer recognizer) : Prompt<double>(id)
{
    public QuantityKind Kind { get; } = kind;

    protected override bool TryRecognize(DialogContext dc, string text, PromptOptions options, out double value)
    {
        double? found = Kind switch
        {
            QuantityKind.DoseMilligrams => recognizer.DoseMilligrams(text),
            QuantityKind.AgeYears => recognizer.AgeYears(text),
            _ => recognizer.Number(text),
        };
        value = found ?? 0;
        return found is { } v && (options.Min is null || v >= options.Min) && (options.Max is null || v <= options.Max);
    }
}
