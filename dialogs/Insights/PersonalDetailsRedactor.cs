using System.Text;
using System.Text.RegularExpressions;
using MagBot.Dialogs.Understanding;

namespace MagBot.Dialogs.Insights;

/// <summary>
/// Takes out of a message what could identify someone before it is kept: e-mail addresses, links, phone numbers, every
/// number, and names of people. Names are found two ways, neither needing a list of names:
/// <list type="bullet">
/// <item>a capitalised word that is neither an ordinary English word (the SCOWL list, <see cref="EnglishWords"/>) nor a
/// word MagBot knows (its training phrases, medicine names): "Priya", "Okafor"; and a capitalised word inside a
/// sentence that MagBot does not know, even when it is also an English word ("my son Bill", "Rose said");</item>
/// <item>the words after a cue that introduces a person ("my name is", "Dr", "Mrs", "called"), however they are written.</item>
/// </list>
/// A name typed in lower case with no cue ("my friend priya") is not found: the list of kept questions is for a content
/// team, and the retention limit and forget me still apply to it.
/// </summary>
public sealed partial class PersonalDetailsRedactor
{
    public const string Email = "[email]";
    public const string Link = "[link]";
    public const string Phone = "[phone]";
    public const string Number = "[number]";
    public const string Name = "[name]";

    private static readonly HashSet<string> TitleCues = new(StringComparer.OrdinalIgnoreCase)
    {
        "dr", "doctor", "mr", "mrs", "ms", "miss", "mx", "prof", "professor", "nurse", "sister", "sr", "jr",
    };

    // Words after which the next words are a name whatever their case ("my name is ...", "call me ...").
    private static readonly string[][] StrongCues = [["name", "is"], ["name's"], ["name’s"], ["call", "me"], ["i", "am", "called"]];

    // Words after which the next words are a name unless MagBot knows them ("she is called Ann"; not "it is called magnesium oil").
    private static readonly HashSet<string> WeakCues = new(StringComparer.Ordinal) { "called", "named", "named:" };

    // Words that end a name after a cue ("my name is Ann and I ...").
    private static readonly HashSet<string> NameStops = new(StringComparer.OrdinalIgnoreCase)
    {
        "and", "but", "or", "i", "im", "my", "is", "was", "the", "a", "an", "to", "from", "with", "who", "she", "he", "they",
        "we", "it", "what", "can", "could", "should", "do", "does", "did", "have", "has", "had", "said", "says", "told",
        "take", "takes", "taking", "about", "for", "of", "on", "in", "at", "not", "so", "because", "if", "when", "how", "why",
    };

    private readonly EnglishWords _english;
    private readonly HashSet<string> _known;

    /// <param name="english">Ordinary English words (lower case).</param>
    /// <param name="knownWords">Words MagBot knows (lower case): never a name when capitalised ("Magnesium", "Tylenol").</param>
    public PersonalDetailsRedactor(EnglishWords english, IEnumerable<string> knownWords)
    {
        ArgumentNullException.ThrowIfNull(english);
        ArgumentNullException.ThrowIfNull(knownWords);
        _english = english;
        _known = new HashSet<string>(knownWords.Select(w => w.ToLowerInvariant()), StringComparer.Ordinal);
    }

    [GeneratedRegex(@"[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.\p{L}{2,}", RegexOptions.CultureInvariant)]
    private static partial Regex EmailPattern();

    [GeneratedRegex(@"\b(?:https?://|www\.)\S+", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex LinkPattern();

    // Seven or more digits with the separators phone numbers are written with: "+1 (555) 123-4567", "07700 900123".
    [GeneratedRegex(@"(?<![\p{L}\p{N}])\+?\(?\d[\d\s().-]{5,}\d(?![\p{L}\p{N}])", RegexOptions.CultureInvariant)]
    private static partial Regex PhonePattern();

    [GeneratedRegex(@"\p{N}+(?:[.,:/]\p{N}+)*", RegexOptions.CultureInvariant)]
    private static partial Regex NumberPattern();

    [GeneratedRegex(@"\p{L}[\p{L}\p{M}'’]*|[^\p{L}]+", RegexOptions.CultureInvariant)]
    private static partial Regex TokenPattern();

    public string Redact(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return string.Empty;
        var s = EmailPattern().Replace(text, Email);
        s = LinkPattern().Replace(s, Link);
        s = PhonePattern().Replace(s, m => Digits(m.Value) >= 7 ? Phone : m.Value);
        s = NumberPattern().Replace(s, Number);
        s = RedactNames(s);
        return Whitespace().Replace(s, " ").Trim();
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    private string RedactNames(string text)
    {
        var tokens = TokenPattern().Matches(text).Select(m => m.Value).ToList();
        var isWord = tokens.Select(t => char.IsLetter(t[0])).ToList();
        var redact = new bool[tokens.Count];
        var sentenceStart = true;
        var previousWords = new List<string>();
        var cue = Cue.None;
        var cueWordsLeft = 0;
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            if (!isWord[i])
            {
                if (token.IndexOfAny(['.', '!', '?', '\n']) >= 0 && !IsTitleDot(previousWords, token)) sentenceStart = true;
                if (token.IndexOfAny([',', ';', '(', '.', '!', '?', ':']) >= 0 && !IsTitleDot(previousWords, token)) cueWordsLeft = 0;
                continue;
            }
            var lower = token.ToLowerInvariant();
            if (IsPlaceholderWord(tokens, i)) continue;
            if (cueWordsLeft > 0 && !NameStops.Contains(lower) && (cue == Cue.Strong || !_known.Contains(lower)))
            {
                redact[i] = true;
                cueWordsLeft--;
            }
            else
            {
                cueWordsLeft = 0;
                redact[i] = IsNameLike(token, lower, sentenceStart);
            }
            previousWords.Add(lower);
            if (TitleCues.Contains(lower) || StrongCues.Any(c => EndsWith(previousWords, c))) (cue, cueWordsLeft) = (Cue.Strong, 3);
            else if (WeakCues.Contains(lower)) (cue, cueWordsLeft) = (Cue.Weak, 3);
            sentenceStart = false;
        }

        var output = new StringBuilder(text.Length);
        for (var i = 0; i < tokens.Count; i++)
        {
            if (!redact[i]) output.Append(tokens[i]);
            // "John Smith", "Mary-Ann": one [name] for a run of name words.
            else if (!FollowsRedacted(redact, isWord, tokens, i)) output.Append(Name);
        }
        return output.ToString();
    }

    private enum Cue { None, Strong, Weak }

    private bool IsNameLike(string token, string lower, bool sentenceStart)
    {
        if (!char.IsUpper(token[0]) || token.Length < 2) return false;
        // "PPI", "NHS": acronyms are not names; nor "I'm", "I've"; nor a title ("Dr").
        if (token.All(c => !char.IsLetter(c) || char.IsUpper(c))) return false;
        if (lower.StartsWith("i'", StringComparison.Ordinal) || lower.StartsWith("i’", StringComparison.Ordinal) || TitleCues.Contains(lower)) return false;
        var plain = lower.Replace('’', '\'');
        if (plain.EndsWith("'s", StringComparison.Ordinal)) plain = plain[..^2];
        plain = plain.Replace("'", "", StringComparison.Ordinal);
        if (_known.Contains(plain)) return false;
        if (!_english.Contains(plain)) return true;
        // An English word capitalised inside a sentence and unknown to MagBot: "my son Bill", "ask Rose".
        return !sentenceStart;
    }

    private static bool IsPlaceholderWord(List<string> tokens, int i) =>
        i > 0 && tokens[i - 1].EndsWith('[') && i + 1 < tokens.Count && tokens[i + 1].StartsWith(']')
        && tokens[i] is "email" or "link" or "phone" or "number" or "name";

    // "Dr. Patel": the dot after a title does not start a sentence.
    private static bool IsTitleDot(List<string> previousWords, string token) =>
        previousWords.Count > 0 && TitleCues.Contains(previousWords[^1]) && token.TrimEnd() == ".";

    private static bool FollowsRedacted(bool[] redact, List<bool> isWord, List<string> tokens, int i)
    {
        // Joined only across spaces or a hyphen, not across punctuation ("Ann, Bob" stays two).
        if (i < 2 || isWord[i - 1] || !redact[i - 2]) return false;
        var between = tokens[i - 1];
        return between.All(c => c == ' ' || c == '-');
    }

    private static bool EndsWith(List<string> words, string[] cue) =>
        words.Count >= cue.Length && cue.Select((w, k) => words[words.Count - cue.Length + k] == w).All(x => x);

    private static int Digits(string s) => s.Count(char.IsDigit);
}
