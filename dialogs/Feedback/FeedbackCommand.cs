using System.Text.RegularExpressions;

namespace MagBot.Dialogs.Feedback;

/// <summary>
/// The feedback command: "feedback", then a rating, then an optional comment — "feedback 👍", "feedback helpful",
/// "feedback: not helpful, I wanted doses for children". Recognised only when the message begins with the word (a
/// sentence that merely mentions feedback is a question like any other). The rating words are few and fixed.
/// </summary>
public static partial class FeedbackCommand
{
    /// <summary>A message that begins the feedback command: a rating (null when none was recognised) and a comment.</summary>
    public sealed record Parsed(string? Rating, string? Comment);

    [GeneratedRegex(@"^\s*(?:/|(?:i\s+(?:want|would\s+like)\s+to\s+)?(?:give|leave|send|rate\s+with|add)\s+(?:some\s+|my\s+)?)?feedback\b[\s:,.!-]*(?<rest>.*)$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Singleline)]
    private static partial Regex Command();

    // Longest first: "not helpful" before "helpful".
    private static readonly (string Phrase, string Rating)[] Ratings =
    [
        ("thumbs down", FeedbackRatings.Dislike), ("thumbs up", FeedbackRatings.Like),
        ("not helpful", FeedbackRatings.Dislike), ("not useful", FeedbackRatings.Dislike), ("not good", FeedbackRatings.Dislike),
        ("unhelpful", FeedbackRatings.Dislike), ("dislike", FeedbackRatings.Dislike), ("bad", FeedbackRatings.Dislike),
        ("poor", FeedbackRatings.Dislike), ("negative", FeedbackRatings.Dislike), ("down", FeedbackRatings.Dislike),
        ("no", FeedbackRatings.Dislike), ("👎", FeedbackRatings.Dislike), ("1/5", FeedbackRatings.Dislike), ("2/5", FeedbackRatings.Dislike),
        ("helpful", FeedbackRatings.Like), ("useful", FeedbackRatings.Like), ("like", FeedbackRatings.Like), ("good", FeedbackRatings.Like),
        ("great", FeedbackRatings.Like), ("positive", FeedbackRatings.Like), ("up", FeedbackRatings.Like), ("yes", FeedbackRatings.Like),
        ("👍", FeedbackRatings.Like), ("4/5", FeedbackRatings.Like), ("5/5", FeedbackRatings.Like),
    ];

    /// <summary>Null when the message is not the feedback command.</summary>
    public static Parsed? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var match = Command().Match(text);
        if (!match.Success) return null;
        var rest = match.Groups["rest"].Value.Trim();
        foreach (var (phrase, rating) in Ratings)
        {
            if (!StartsWithWord(rest, phrase)) continue;
            var comment = rest[phrase.Length..].TrimStart(' ', ':', ',', '.', '!', '-', '—', ';').Trim();
            return new Parsed(rating, comment.Length == 0 ? null : comment);
        }
        return new Parsed(null, rest.Length == 0 ? null : rest);
    }

    private static bool StartsWithWord(string text, string phrase) =>
        text.StartsWith(phrase, StringComparison.OrdinalIgnoreCase)
        && (text.Length == phrase.Length || !char.IsLetterOrDigit(text[phrase.Length]) || !char.IsLetterOrDigit(phrase[^1]));
}
