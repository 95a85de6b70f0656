using System.Globalization;
using System.Text;

namespace MagBot.Dialogs.Safety.Classification;

/// <summary>
/// Turns a message into hashed features for <see cref="SafetyModel"/>: words, pairs of neighbouring words, and the
/// character 4-grams inside each word. The n-grams are what let the model read words it never saw spelled that
/// way ("seizre", "cabesa", "overdoes") and carry what it learned from one form of a word to its others
/// ("swelling", "swollen"). Text is lower-cased, accents removed and apostrophes dropped, so English and Spanish typed
/// with or without accents read the same. Features are hashed into a fixed number of buckets, so the model's size does
/// not grow with the training data.
/// </summary>
public static class SafetyFeatures
{
    /// <summary>The number of hash buckets (a power of two).</summary>
    public const int Buckets = 1 << 18;

    // Character 4-grams only: by cross-validation as good as 3- to 5-grams (recall and quiet within a point) for a third
    // of the training time, which the first message after a start waits for.
    private const int MinGram = 4;
    private const int MaxGram = 4;

    /// <summary>The words of <paramref name="text"/> as the model reads them.</summary>
    public static List<string> Words(string? text)
    {
        var words = new List<string>();
        if (string.IsNullOrEmpty(text)) return words;
        var word = new StringBuilder();
        foreach (var c in Decompose(text))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            if (c is '\'' or '’' or '‘') continue; // "can't" -> "cant", "I'm" -> "im"
            if (char.IsLetterOrDigit(c))
            {
                word.Append(char.ToLowerInvariant(c));
                continue;
            }
            Flush(word, words);
        }
        Flush(word, words);
        return words;
    }

    /// <summary>The distinct feature buckets of <paramref name="text"/>, each with the same weight, scaled so that a long
    /// message and a short one weigh the same in total.</summary>
    public static (int[] Buckets, float Value) Extract(string? text) => Extract(text, characterGrams: true);

    /// <summary>As <see cref="Extract(string?)"/>; without <paramref name="characterGrams"/>, words and word pairs only.</summary>
    public static (int[] Buckets, float Value) Extract(string? text, bool characterGrams)
    {
        var (all, wordsOnly) = ExtractBoth(text, characterGrams);
        return characterGrams ? all : wordsOnly;
    }

    /// <summary>Both readings of <paramref name="text"/> from one pass: with the character n-grams, and words and word
    /// pairs only (a subset of the first).</summary>
    public static ((int[] Buckets, float Value) All, (int[] Buckets, float Value) WordsOnly) ExtractBoth(string? text) => ExtractBoth(text, characterGrams: true);

    private static ((int[] Buckets, float Value) All, (int[] Buckets, float Value) WordsOnly) ExtractBoth(string? text, bool characterGrams)
    {
        var words = Words(text);
        var set = new HashSet<int>();
        var grams = new HashSet<int>();
        bool complaint = false, personal = false, current = false;
        var negated = 0; // words left in the scope of a negation ("no fever", "didn't hit my head")
        for (var i = 0; i < words.Count; i++)
        {
            var w = words[i];
            if (ScopeEnds.Contains(w)) negated = 0;
            var kind = negated > 0 ? "n" : "w";
            set.Add(Hash(kind, w, string.Empty));
            if (i > 0) set.Add(Hash(kind == "n" ? "nb" : "b", words[i - 1], w));
            if (negated > 0) negated--;
            if (Negations.Contains(w))
            {
                negated = NegationScope;
                continue;
            }
            if (kind == "w" && HealthWords.CategoryOf(w) is { } health)
            {
                // A word WordNet files under symptoms, illnesses, pains or injuries: one feature for its category and one for
                // any, shared with every such word, so an unseen complaint word counts as a complaint.
                set.Add(Hash("h", health, string.Empty));
                set.Add(Hash("h", "any", string.Empty));
                complaint = true;
            }
            if (kind == "w" && Personal.Contains(w)) personal = true;
            if (kind == "w" && Current.Contains(w)) current = true;
            if (IsNumber(w) || kind == "n" || !characterGrams) continue;
            var padded = $"<{w}>";
            for (var n = MinGram; n <= MaxGram; n++)
            {
                for (var start = 0; start + n <= padded.Length; start++)
                    grams.Add(Hash("c", padded.AsSpan(start, n), string.Empty));
            }
        }
        if (words.Count == 0) set.Add(Hash("w", "<empty>", string.Empty));
        // A complaint said of someone, and said to be happening now, is what the safety net answers; a general question
        // about cramps or headaches is not. A linear model cannot join the two by itself.
        if (complaint && personal) set.Add(Hash("h", "any", "personal"));
        if (complaint && current) set.Add(Hash("h", "any", "current"));
        var wordBuckets = set.ToArray();
        // The same buckets as one set of words and n-grams together, words first: the order only renumbers the model's
        // rows (cross-validation gave the same figures to the message as reading each message twice).
        set.UnionWith(grams);
        var allBuckets = grams.Count == 0 ? wordBuckets : set.ToArray();
        return ((allBuckets, Scale(allBuckets)), (wordBuckets, Scale(wordBuckets)));

        static float Scale(int[] buckets) => (float)(1 / Math.Sqrt(buckets.Length));
    }

    // A negated word is a feature of its own ("n|fever"), and lends no character n-grams to the word it negates, so
    // "no fever, no stiff neck" does not count as evidence for meningitis the way "fever and a stiff neck" does.
    private const int NegationScope = 3;

    private static readonly HashSet<string> Negations = new(StringComparer.Ordinal)
    {
        "no", "not", "never", "without", "dont", "didnt", "doesnt", "isnt", "wasnt", "arent", "havent", "hasnt", "nor", "neither",
        "none", "nothing", "ni", "sin", "nunca", "tampoco", "ningun", "ninguna", "nada",
    };

    // Words that make a complaint someone's own (first person, or a relative's) and words that place it now.
    private static readonly HashSet<string> Personal = new(StringComparer.Ordinal)
    {
        "i", "im", "ive", "id", "ill", "my", "me", "mine", "myself", "our", "we", "were", "us", "he", "hes", "she", "shes", "his", "her",
        "son", "daughter", "mom", "mum", "mother", "dad", "father", "husband", "wife", "partner", "kid", "child", "baby", "grandma", "grandpa",
    };

    private static readonly HashSet<string> Current = new(StringComparer.Ordinal)
    {
        "now", "today", "tonight", "rn", "currently", "since", "yesterday", "morning", "still", "flaring", "started", "keeps", "lately",
        "days", "weeks", "week", "all", "again", "this", "been", "having", "got", "getting",
    };

    private static readonly HashSet<string> ScopeEnds = new(StringComparer.Ordinal) { "but", "and", "pero", "y", "though", "although" };

    /// <summary>Accents split off their letters (é → e + ´) so they can be dropped. A lone surrogate (a broken emoji)
    /// cannot be normalized and carries no meaning: it is left out first.</summary>
    private static string Decompose(string text)
    {
        if (!text.Any(char.IsSurrogate)) return text.Normalize(NormalizationForm.FormD);
        var clean = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) clean.Append(text[i]).Append(text[++i]);
            else if (!char.IsSurrogate(text[i])) clean.Append(text[i]);
        }
        return clean.ToString().Normalize(NormalizationForm.FormD);
    }

    private static void Flush(StringBuilder word, List<string> words)
    {
        if (word.Length == 0) return;
        var w = word.ToString();
        word.Clear();
        // Numbers keep their size but not their value: "took 30 pills" and "took 45 pills" read alike; a year is its own
        // word, since "in 2015" marks history.
        words.Add(!IsNumber(w) ? w : w.Length == 4 && (w.StartsWith("19", StringComparison.Ordinal) || w.StartsWith("20", StringComparison.Ordinal)) ? "<year>"
            : w.Length >= 2 ? "<nn>" : "<n>");
    }

    private static bool IsNumber(string w) => w.Length > 0 && (w[0] == '<' || w.All(char.IsDigit));

    // FNV-1a over a kind marker and the text: stable across processes and platforms (string.GetHashCode is not).
    private static int Hash(string kind, ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        var h = 2166136261u;
        foreach (var c in kind) h = (h ^ c) * 16777619u;
        h = (h ^ '|') * 16777619u;
        foreach (var c in a) h = (h ^ c) * 16777619u;
        h = (h ^ ' ') * 16777619u;
        foreach (var c in b) h = (h ^ c) * 16777619u;
        return (int)(h & (Buckets - 1));
    }
}
