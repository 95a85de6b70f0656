using System.Text;

namespace MagBot.Dialogs.Replies;

/// <summary>The Markdown subset MagBot writes, and escaping for text that did not come from MagBot.</summary>
public static class Markdown
{
    // Characters that start Markdown constructs or HTML in Teams and Web Chat. Escaping them
    // stops a user's text from becoming a link, an image, bold text or markup when echoed back.
    private const string Special = "\\`*_{}[]()#+-.!|<>~&";

    /// <summary>Escapes user-supplied text so it is shown literally, never rendered as markup or a link.</summary>
    public static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text)) return string.Empty;
        var sb = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            if (c == '<') { sb.Append("&lt;"); continue; }
            if (c == '>') { sb.Append("&gt;"); continue; }
            if (c == '&') { sb.Append("&amp;"); continue; }
            if (char.IsControl(c) && c != '\n') continue;
            // Direction overrides and isolates would let echoed text reorder what is shown around it.
            if (c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069') continue;
            if (Special.Contains(c)) sb.Append('\\');
            sb.Append(c);
        }
        return sb.ToString();
    }

    /// <summary>Removes the Markdown MagBot writes (for speech and plain-text channels).</summary>
    public static string ToPlainText(string text) =>
        text.Replace("**", string.Empty).Replace("__", string.Empty).Replace("\\", string.Empty);
}
