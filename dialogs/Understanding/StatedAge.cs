using System.Globalization;
using System.Text.RegularExpressions;

namespace MagBot.Dialogs.Understanding;

/// <summary>
/// An age stated in passing ("my daughter is 7", "a 45 year old", "I'm 30", "aged 12"), in years. Only a whole
/// phrase that says age counts: "is 200 mg too much" is not an age.
/// </summary>
public static partial class StatedAge
{
    public static double? In(string? text)
    {
        var normalized = TextNormalizer.Normalize(text);
        if (normalized.Length == 0) return null;
        var m = AgePhrase().Match(normalized);
        if (!m.Success) return null;
        var digits = m.Groups.Cast<Group>().Skip(1).FirstOrDefault(g => g.Success && g.Value.Length > 0)?.Value;
        return digits is not null && double.TryParse(digits, NumberStyles.Integer, CultureInfo.InvariantCulture, out var age) && age is >= 0 and <= 120 ? age : null;
    }

    [GeneratedRegex(@"\b(\d{1,3}) ?(?:years? old|yrs? old|year old|yo|y o)\b|\b(?:aged?|age is) (\d{1,3})\b|\b(?:is|im|i am|she is|he is|shes|hes|turned|turning) (\d{1,3})(?! ?(?:mg|mgs|milligrams?|g|grams?|mcg|iu|pills?|tablets?|times?|x|percent|%|hours?|hrs?|days?|weeks?|months?|minutes?|pm|am))\b", RegexOptions.CultureInvariant)]
    private static partial Regex AgePhrase();
}
