using System.Text.RegularExpressions;

namespace MagBot.Cli.ContentReview;

/// <summary>
/// Counts the syllables of an English word by its vowel groups, with the usual corrections for a silent final
/// "e", "-ed" and "-es" endings and a few vowel pairs that are said as two syllables. A heuristic like the ones
/// readability tools use: right for most words, off by one for some, never zero.
/// </summary>
public static partial class SyllableCounter
{
    public static int Count(string word)
    {
        var w = word.ToLowerInvariant().Trim('\'', '’');
        if (w.Length == 0) return 0;
        // A number is read aloud ("350" is "three hundred fifty"): one syllable per digit is close and errs high.
        if (!w.Any(char.IsLetter)) return Math.Max(1, w.Count(char.IsDigit));
        // An abbreviation with no vowel ("mg", "hctz") is spelled out: one syllable per letter.
        if (!VowelGroup().IsMatch(w)) return Math.Max(1, w.Count(char.IsLetter));
        if (w.Length <= 3) return 1;

        var count = VowelGroup().Matches(w).Count;
        if (SilentFinalE().IsMatch(w)) count--;
        if (SilentEd().IsMatch(w) || SilentEs().IsMatch(w)) count--;
        count += TwoSyllableVowelPair().Matches(w).Count;
        return Math.Max(1, count);
    }

    [GeneratedRegex("[aeiouy]+")]
    private static partial Regex VowelGroup();

    // "make" has a silent e; "table" (consonant + le) does not.
    [GeneratedRegex("(?<![^aeiouy]l)(?<=[^aeiouy])e$")]
    private static partial Regex SilentFinalE();

    // "-ed" is silent after most consonants ("helped") but not after t or d ("needed").
    [GeneratedRegex("(?<![tdaeiouy])ed$")]
    private static partial Regex SilentEd();

    // "-es" is silent after most consonants ("makes") but not after s, z, x, ch, sh, soft g or c ("boxes", "places").
    [GeneratedRegex("(?<![szxhcgaeiouy])es$")]
    private static partial Regex SilentEs();

    // Vowel pairs said as two syllables: "trial", "period", "sodium", "usual"; not "-tion", "-cial", "-gion" or "qua-".
    [GeneratedRegex("(?<![tscg])i[ao]|ium|(?<!q)ua")]
    private static partial Regex TwoSyllableVowelPair();
}
