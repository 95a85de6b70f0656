using System.Text;

namespace MagBot.Dialogs.Understanding;

/// <summary>Unicode helpers that never throw on what a client may send.</summary>
public static class UnicodeText
{
    /// <summary>
    /// Canonical decomposition (accents split from letters). <see cref="string.Normalize(NormalizationForm)"/>
    /// throws on a lone surrogate, which valid JSON can carry ("\ud800"), so those become U+FFFD first.
    /// </summary>
    public static string Decompose(string text)
    {
        try
        {
            return text.Normalize(NormalizationForm.FormD);
        }
        catch (ArgumentException)
        {
            var sb = new StringBuilder(text.Length);
            for (var i = 0; i < text.Length; i++)
            {
                var c = text[i];
                if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                {
                    sb.Append(c).Append(text[++i]);
                }
                else
                {
                    sb.Append(char.IsSurrogate(c) ? '\uFFFD' : c);
                }
            }
            return sb.ToString().Normalize(NormalizationForm.FormD);
        }
    }
}
