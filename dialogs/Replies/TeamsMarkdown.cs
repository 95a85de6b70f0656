using System.Text.RegularExpressions;

namespace MagBot.Dialogs.Replies;

/// <summary>
/// Rewrites MagBot's Markdown into the subset Teams renders in text messages on desktop and mobile alike:
/// bold, italic, links, blockquotes and preformatted text. Teams shows headings and horizontal rules as raw
/// characters, and lists only on desktop (Microsoft Teams platform docs, "Format your bot messages"), so
/// headings become bold lines, rules are dropped and bullets become "•" lines that read the same everywhere.
/// </summary>
public static partial class TeamsMarkdown
{
    public static string? Adapt(string? text)
    {
        if (string.IsNullOrEmpty(text)) return text;
        text = Heading().Replace(text, "**$1**");
        text = Rule().Replace(text, string.Empty);
        return Bullet().Replace(text, "$1• ");
    }

    [GeneratedRegex(@"^#{1,6}[ \t]+(.+?)[ \t]*#*[ \t]*$", RegexOptions.Multiline)]
    private static partial Regex Heading();

    [GeneratedRegex(@"^[ \t]*([-*_])([ \t]*\1){2,}[ \t]*\r?\n?", RegexOptions.Multiline)]
    private static partial Regex Rule();

    [GeneratedRegex(@"^([ \t]*)[-*+][ \t]+", RegexOptions.Multiline)]
    private static partial Regex Bullet();
}
