using System.Globalization;
using System.Text;

namespace MagBot.Dialogs.Understanding;

/// <summary>Lower-cases, strips accents and punctuation, and folds white space, so recognizers compare words, not typing.</summary>
public static class TextNormalizer
{
    /// <summary>Messages longer than this are cut before understanding; the reply says so politely.</summary>
    public const int MaxUnderstoodLength = 1000;

    public static string Normalize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return string.Empty;
        if (text.Length > MaxUnderstoodLength) text = text[..MaxUnderstoodLength];
        var decomposed = UnicodeText.Decompose(text);
        var sb = new StringBuilder(decomposed.Length);
        var lastSpace = true;
        foreach (var c in decomposed)
        {
            var cat = CharUnicodeInfo.GetUnicodeCategory(c);
            if (cat == UnicodeCategory.NonSpacingMark) continue;
            if (char.IsLetterOrDigit(c) || c == '\'' )
            {
                sb.Append(char.ToLowerInvariant(c));
                lastSpace = false;
            }
            else if (c == '.' && sb.Length > 0 && char.IsDigit(sb[^1]))
            {
                sb.Append('.'); // keep decimals: "2.5"
                lastSpace = false;
            }
            else if (!lastSpace)
            {
                sb.Append(' ');
                lastSpace = true;
            }
        }
        return sb.ToString().Trim().Replace("'", string.Empty, StringComparison.Ordinal);
    }

    public static string[] Words(string? text) =>
        Normalize(text).Split(' ', StringSplitOptions.RemoveEmptyEntries);
}
