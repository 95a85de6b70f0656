using System.Text.RegularExpressions;

namespace MagBot.Dialogs.Understanding;

/// <summary>
/// A greeting or thanks that opens a longer message ("hi! got diagnosed with fibro last month, does magnesium help?",
/// "thanks. also, what about tension headaches?"). The recognizer reads what follows it, so the question is answered
/// instead of the greeting.
/// </summary>
public static partial class SmallTalkOpener
{
    /// <summary>An opener ends at the first clause mark within this many characters ("thx for the info earlier. …").</summary>
    private const int MaxOpenerClause = 48;

    /// <summary>What follows the opener, or null when the message does not open with one or nothing much follows it.</summary>
    public static string? Rest(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var opener = Opener().Match(text);
        if (!opener.Success) return null;
        var after = opener.Index + opener.Length;
        // The opener's clause runs to the first clause mark ("hey bot. …", "thanks so much for that! …") when one comes soon.
        var mark = text.IndexOfAny(ClauseMarks, after);
        var cut = mark >= 0 && mark - after <= MaxOpenerClause ? mark + 1 : after;
        var rest = text[cut..].TrimStart(' ', ',', '.', '!', '?', ':', ';', ')', '-', '~', '\t', '\n', '\r');
        return TextNormalizer.Words(rest).Length >= 2 ? rest : null;
    }

    private static readonly char[] ClauseMarks = ['.', '!', '?', ',', ';', ':', '\n'];

    [GeneratedRegex(@"^\s*(?:hi+|hello+|hey+|hiya|howdy|yo|heya|hallo|greetings|good\s+(?:morning|afternoon|evening|day)|morning|thanks?(?:\s+you)?|thank\s*u|thx|ty|tysm|cheers|many\s+thanks|ok(?:ay)?\s+thanks?|great,?\s+thanks?)\b(?:\s+(?:there|bot|magbot|again|all|everyone|so\s+much|a\s+lot|very\s+much))*",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex Opener();
}
