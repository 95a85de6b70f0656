using System.Text.RegularExpressions;

namespace MagBot.Cli.ContentReview;

/// <summary>
/// The Flesch–Kincaid grade level of a text MagBot shows: 0.39 × (words per sentence) + 11.8 × (syllables per
/// word) − 15.59 (Kincaid et al., 1975). Markdown, links and placeholders are removed first; each line of a list
/// is a sentence of its own, as a reader takes it in.
/// </summary>
public static partial class ReadingGrade
{
    public sealed record Measure(int Words, int Sentences, int Syllables, double Grade);

    public static Measure Of(string text)
    {
        var plain = Plain(text);
        var sentences = SentenceBreak().Split(plain).Where(s => Word().IsMatch(s)).ToList();
        var words = sentences.SelectMany(s => Word().Matches(s).Select(m => m.Value)).ToList();
        if (words.Count == 0) return new Measure(0, 0, 0, 0);
        var syllables = words.Sum(SyllableCounter.Count);
        var grade = 0.39 * words.Count / sentences.Count + 11.8 * syllables / words.Count - 15.59;
        return new Measure(words.Count, sentences.Count, syllables, Math.Round(grade, 1));
    }

    /// <summary>The words a person reads in <paramref name="text"/> (for the length of a reply bubble).</summary>
    public static int WordCount(string text) => Word().Matches(Plain(text)).Count;

    private static string Plain(string text)
    {
        var t = Link().Replace(text, "$1");
        // A placeholder stands for a short value, a number or a name: it reads as one short word.
        t = Placeholder().Replace(t, "ten");
        t = Emphasis().Replace(t, string.Empty);
        return Bullet().Replace(t, string.Empty);
    }

    [GeneratedRegex(@"\[([^\]]*)\]\([^)]*\)")]
    private static partial Regex Link();

    [GeneratedRegex(@"\{[a-zA-Z][a-zA-Z0-9_.]*\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"[*_`\\]")]
    private static partial Regex Emphasis();

    [GeneratedRegex(@"^\s*(?:[-•+]|\d+\.)\s+", RegexOptions.Multiline)]
    private static partial Regex Bullet();

    // A sentence ends at . ! ? followed by a space or the end, or at a line break.
    [GeneratedRegex(@"(?<=[.!?])[""')\]]*\s+|\n+")]
    private static partial Regex SentenceBreak();

    // Words: letters (with inner apostrophes or hyphens) or numbers (with inner separators: 0.4, 1,000, 400–600).
    [GeneratedRegex(@"[A-Za-zÀ-ž]+(?:['’-][A-Za-zÀ-ž]+)*|\d+(?:[.,]\d+)*")]
    private static partial Regex Word();
}
