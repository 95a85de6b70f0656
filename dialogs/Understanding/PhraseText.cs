using System.Globalization;
using System.Text;

namespace MagBot.Dialogs.Understanding;

/// <summary>
/// Text prepared for phrase rules (red flags, forbidden claims): lower case, no accents, no apostrophes
/// ("can't" → "cant"), invisible characters removed (so "sui\u200Bcide" still reads "suicide"), other
/// punctuation as spaces, sentence ends kept as " . " so a word gap never runs across two sentences,
/// letters repeated three or more times folded to two ("sooooo" → "soo"). Padded with a space each side.
/// </summary>
public static class PhraseText
{
    /// <summary>Longer messages are screened up to here; enough for any message a person types.</summary>
    public const int MaxLength = 100_000;

    public const string SentenceBreak = ".";

    public static string Normalize(string? text)
    {
        if (string.IsNullOrEmpty(text)) return " ";
        if (text.Length > MaxLength) text = text[..MaxLength];
        var decomposed = UnicodeText.Decompose(text);
        var sb = new StringBuilder(decomposed.Length + 2);
        sb.Append(' ');
        for (var i = 0; i < decomposed.Length; i++)
        {
            var c = decomposed[i];
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.Format or UnicodeCategory.EnclosingMark) continue;
            if (c is '\'' or '\u2019' or '\u2018' or '\u02BC' or '`') continue;
            if (char.IsLetterOrDigit(c))
            {
                var lower = char.ToLowerInvariant(c);
                if (sb.Length >= 2 && sb[^1] == lower && sb[^2] == lower && char.IsLetter(lower)) continue;
                sb.Append(lower);
            }
            else if (c == '.' && sb.Length > 0 && char.IsDigit(sb[^1]) && i + 1 < decomposed.Length && char.IsDigit(decomposed[i + 1]))
            {
                sb.Append('.'); // a decimal: "2.5"
            }
            else if (c is '.' or '!' or '?' or ';' or '\n' or '\r' or '\u2026')
            {
                AppendBreak(sb);
            }
            else if (sb[^1] != ' ')
            {
                sb.Append(' ');
            }
        }
        if (sb[^1] != ' ') sb.Append(' ');
        return sb.ToString();
    }

    private static void AppendBreak(StringBuilder sb)
    {
        if (sb.Length >= 2 && sb[^2] == '.' && sb[^1] == ' ') return;
        if (sb[^1] != ' ') sb.Append(' ');
        sb.Append(". ");
    }

    /// <summary>Splits normalized text into its sentences, each padded with spaces.</summary>
    public static IEnumerable<string> Sentences(string normalized) =>
        normalized.Split(" . ", StringSplitOptions.RemoveEmptyEntries)
            .Select(s => " " + s.Trim(' ', '.') + " ")
            .Where(s => s.Trim().Length > 0);
}
