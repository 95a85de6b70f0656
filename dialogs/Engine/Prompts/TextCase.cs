namespace MagBot.Dialogs.Engine;

/// <summary>Letter case for words placed where a sentence or a button begins.</summary>
public static class TextCase
{
    /// <summary>The first letter in upper case, the rest as it is ("kidney disease" → "Kidney disease").</summary>
    public static string Capitalize(string s) => string.IsNullOrEmpty(s) ? s ?? string.Empty : char.ToUpperInvariant(s[0]) + s[1..];
}
