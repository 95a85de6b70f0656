using System.Globalization;
using Microsoft.Recognizers.Text;
using Microsoft.Recognizers.Text.Number;
using Microsoft.Recognizers.Text.NumberWithUnit;

namespace MagBot.Dialogs.Understanding;

/// <summary>
/// Numbers, doses and ages through Microsoft.Recognizers.Text ("two hundred mg", "45 years old").
/// Only the three English models MagBot uses are built, each when a prompt first needs it: a recognizer built without
/// <c>lazyInitialization</c> builds every model of its culture (ordinals, percentages, ranges, currencies,
/// temperatures…), and each compiles many regular expressions, which was most of MagBot's resident memory after start.
/// </summary>
public sealed class QuantityRecognizer
{
    private readonly Lazy<IModel> _number = new(() => new NumberRecognizer(Culture.English, lazyInitialization: true).GetNumberModel());
    private readonly Lazy<IModel> _dimension = new(() => new NumberWithUnitRecognizer(Culture.English, lazyInitialization: true).GetDimensionModel());
    private readonly Lazy<IModel> _age = new(() => new NumberWithUnitRecognizer(Culture.English, lazyInitialization: true).GetAgeModel());

    /// <summary>Builds every model and runs each once (for benchmarks that should not time a first use).</summary>
    public void WarmUp()
    {
        _ = Number("one");
        _ = DoseMilligrams("two hundred mg");
        _ = AgeYears("45 years old");
    }

    public double? Number(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        foreach (var r in Parse(_number.Value, text))
        {
            if (TryValue(r, out var v)) return v;
        }
        return null;
    }

    /// <summary>A dose in milligrams: mg, g, mcg/µg are converted; a bare number is taken as mg.</summary>
    public double? DoseMilligrams(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        foreach (var r in Parse(_dimension.Value, text))
        {
            if (!TryValue(r, out var v)) continue;
            var unit = r.Resolution?.TryGetValue("unit", out var u) == true ? u?.ToString() : null;
            double? mg = unit switch
            {
                "Milligram" => v,
                "Gram" => v * 1000,
                "Microgram" => v / 1000,
                "Kilogram" => null, // body weight, not a dose
                _ => null,
            };
            if (mg is not null) return mg;
        }
        return Words(text) <= 3 ? Number(text) : null;
    }

    /// <summary>An age in years: "45", "45 years old", "forty-five".</summary>
    public double? AgeYears(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        foreach (var r in Parse(_age.Value, text))
        {
            if (!TryValue(r, out var v)) continue;
            var unit = r.Resolution?.TryGetValue("unit", out var u) == true ? u?.ToString() : null;
            return unit switch
            {
                "Year" => v,
                "Month" => Math.Floor(v / 12),
                "Week" or "Day" => 0,
                _ => v,
            };
        }
        return Words(text) <= 4 ? Number(text) : null;
    }

    private static int Words(string text) => text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;

    private static List<ModelResult> Parse(IModel model, string text)
    {
        if (text.Length > 500) text = text[..500];
        return model.Parse(text);
    }

    private static bool TryValue(ModelResult r, out double value)
    {
        value = 0;
        return r.Resolution?.TryGetValue("value", out var raw) == true
            && raw?.ToString() is { } s
            && double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out value);
    }
}
