using System.Globalization;
using System.Text.RegularExpressions;
using MagBot.Dialogs.Knowledge;

namespace MagBot.Dialogs.Understanding;

/// <summary>
/// Finds medicines in free text ("norvasc, lasix and vitamin d 1000 IU"): generic and brand names,
/// abbreviations, lay words, multi-word names, misspellings (see <see cref="PhraseMatcher{T}"/>), and a dose
/// written next to a name. Every other word that is not ordinary English, a number or a unit is reported as
/// unknown, so the screening asks about it: a name MagBot cannot read must never pass as harmless.
/// </summary>
public sealed partial class MedicationRecognizer
{
    private static readonly HashSet<string> NoneWords = ["none", "nothing", "nil", "nada", "zero"];
    private static readonly HashSet<string> LeadingNo = ["no", "nope", "nah"];

    private readonly MedicationLexicon _lexicon;
    private readonly PhraseMatcher<DrugName> _names;
    private readonly PhraseMatcher<HealthCondition> _conditions;
    private readonly PhraseMatcher<string> _ordinaryPhrases;
    private readonly Dictionary<string, MedicineCombination> _combinations;

    /// <summary>Marks a matched name as a combination product, read as its components.</summary>
    private const string CombinationClassId = "(combination)";
    // The vocabulary entry for magnesium whose form is not named ("magnesium 400 mg").
    private readonly DrugName? _plainMagnesium;

    public MedicationRecognizer(MedicationLexicon lexicon)
    {
        _lexicon = lexicon ?? throw new ArgumentNullException(nameof(lexicon));
        // A misspelling is never taken from an English word ("alive" is not Aleve), and two medicines equally close
        // to a misspelling are ambiguous, so the check asks instead of guessing.
        _combinations = lexicon.Combinations.ToDictionary(c => c.Spelling, StringComparer.Ordinal);
        _names = new PhraseMatcher<DrugName>(
            lexicon.Names.Select(n => (n.Spelling, n)).Concat(lexicon.Combinations.Select(c => (c.Spelling, new DrugName(c.Spelling, c.Spelling, CombinationClassId, false)))),
            IsOrdinary, n => n.Canonical);
        _conditions = new PhraseMatcher<HealthCondition>(
            lexicon.Conditions.SelectMany(c => c.Synonyms.Append(c.Name).Select(s => (s, c))), lexicon.OrdinaryWords, c => c.Id);
        _plainMagnesium = lexicon.Names.FirstOrDefault(n => n.MagnesiumForm == "unknown" && !n.IsLayTerm);
        _ordinaryPhrases = new PhraseMatcher<string>(lexicon.OrdinaryPhrases.Select(p => (p, p)), lexicon.OrdinaryWords, p => p);
    }

    /// <summary>Reads any message. Plain "magnesium" counts as a product only with an amount ("magnesium 400 mg"):
    /// "foods with magnesium" and "magnesium for migraines" are questions about magnesium, not things taken.</summary>
    public MedicationRecognition Recognize(string? text) => Recognize(text, asAnswer: false);

    /// <summary>Reads an answer to "which medicines and supplements do you take?": there, plain "magnesium" is one of
    /// them ("magnesium at night", "turmeric, fish oil, magnesium") unless the message asks about it.</summary>
    public MedicationRecognition RecognizeAnswer(string? text) => Recognize(text, asAnswer: true);

    private MedicationRecognition Recognize(string? text, bool asAnswer)
    {
        var words = Words(text);
        if (words.Length == 0) return MedicationRecognition.Empty;
        var found = new List<MedicationMention>();
        var unknown = new List<string>();
        double? pendingDose = null; // "500 mg calcium": a dose just before a name belongs to it
        var plainMagnesiumSeen = false; // "magnesium" not yet read as a product
        var lastMentionEnd = -1;    // "lasix 40 mg": a dose just after a name belongs to it
        var i = 0;
        while (i < words.Length)
        {
            if (TryDose(words, i, out var dose, out var doseLength))
            {
                if (found.Count > 0 && found[^1].DoseMg is null && lastMentionEnd == i) found[^1] = found[^1] with { DoseMg = dose };
                else pendingDose = dose;
                i += doseLength;
                continue;
            }
            var hit = _names.MatchAt(words, i);
            var plain = _ordinaryPhrases.MatchAt(words, i, fuzzy: false) ?? ConditionAt(words, i);
            if (plain is { } p && (hit is null || p.Length >= hit.Value.Length))
            {
                // "calcium channels in nerves" is physiology, not the calcium supplement.
                pendingDose = null;
                i += p.Length;
                continue;
            }
            if (hit is { } h)
            {
                var matched = string.Join(' ', words.Skip(i).Take(h.Length));
                // "Hyzaar 100/25" is losartan and hydrochlorothiazide: each component is checked on its own.
                if (h.Payload.IsLayTerm && lastMentionEnd == i && found.Count > 0 && !_lexicon.IsLayTerm(found[^1].ClassId, found[^1].Canonical))
                {
                    // "Lasix water pill", "Colace stool softener": a lay word right after a name describes it.
                    i += h.Length;
                    lastMentionEnd = i;
                    continue;
                }
                var parts = h.Payload.ClassId == CombinationClassId ? _combinations[h.Payload.Canonical].Components : [h.Payload];
                foreach (var part in parts)
                {
                    var cls = _lexicon.Class(part.ClassId);
                    found.Add(new MedicationMention(part.Canonical, cls.Id, cls.Name, matched, parts.Count == 1 ? pendingDose : null, part.MagnesiumForm));
                }
                pendingDose = null;
                i += h.Length;
                lastMentionEnd = i;
                continue;
            }
            var word = words[i];
            if (IsOwnPlainMagnesium(words, i, pendingDose, asAnswer) && _plainMagnesium is { } plainMg)
            {
                // "magnesium 400 mg", "250mg magnesium", "magnesium every night": the person's own magnesium, form not named.
                var bare = i + 1 < words.Length ? BareMilligrams(words[i + 1]) : null;
                found.Add(new MedicationMention(plainMg.Canonical, plainMg.ClassId, _lexicon.Class(plainMg.ClassId).Name, word, pendingDose ?? bare, plainMg.MagnesiumForm));
                pendingDose = null;
                i += bare is null ? 1 : 2;
                lastMentionEnd = i;
                continue;
            }
            if (IsPlainMagnesium(word)) plainMagnesiumSeen = true;
            if (IsMedicineLike(word) && !unknown.Contains(word)) unknown.Add(word);
            // "400 mg of magnesium citrate": a dose carries over "of".
            if (word != "of") pendingDose = null;
            i++;
        }
        // "turmeric, fish oil, magnesium": in a list of things taken, plain magnesium is one of them too.
        if (asAnswer && plainMagnesiumSeen && _plainMagnesium is { } listed && found.Count > 0 && !found.Any(f => f.OwnMagnesiumForm is not null) && !words.Any(Asking.Contains))
            found.Add(new MedicationMention(listed.Canonical, listed.ClassId, _lexicon.Class(listed.ClassId).Name, "magnesium", null, listed.MagnesiumForm));
        found = Deduplicate(found);
        var saidNone = found.Count == 0 && unknown.Count == 0 && SaysNone(words);
        return new MedicationRecognition(found, unknown, saidNone);
    }

    /// <summary>A health condition named at <paramref name="i"/> ("myasthenia gravis"): its words are never a medicine.</summary>
    private (string Payload, int Length)? ConditionAt(string[] words, int i) =>
        _conditions.MatchAt(words, i, fuzzy: false) is { } c ? (c.Payload.Id, c.Length) : null;

    /// <summary>Words that, one or two words before a condition, deny it ("not pregnant", "don't have heart block").</summary>
    private static readonly HashSet<string> Negators = ["not", "no", "dont", "never", "nor", "without", "isnt", "arent", "havent"];

    /// <summary>The conditions from conditions.yaml named in <paramref name="text"/> ("I have CKD and afib"),
    /// leaving out denied ones ("I'm not pregnant").</summary>
    public IReadOnlyList<HealthCondition> RecognizeConditions(string? text)
    {
        var words = Words(text);
        var result = new List<HealthCondition>();
        for (var i = 0; i < words.Length;)
        {
            if (_conditions.MatchAt(words, i) is { } hit)
            {
                var denied = words.Skip(Math.Max(0, i - 2)).Take(Math.Min(i, 2)).Any(Negators.Contains);
                if (!denied && !result.Contains(hit.Payload)) result.Add(hit.Payload);
                i += hit.Length;
            }
            else i++;
        }
        return result;
    }

    /// <summary>Normalized words; a full stop after a number ("vitamin D3.") is punctuation, not a decimal point.</summary>
    private static string[] Words(string? text) =>
        [.. TextNormalizer.Words(text).Select(w => w.TrimEnd('.')).Where(w => w.Length > 0)];

    /// <summary>True when the whole message says "no medicines": "none", "nothing", "no meds", "I don't take any".</summary>
    public static bool SaysNone(IReadOnlyList<string> words)
    {
        if (words.Count == 0) return false;
        if (words.Any(NoneWords.Contains) || LeadingNo.Contains(words[0])) return true;
        var negated = words.Contains("dont") || words.Contains("not") || words.Contains("never");
        return negated && (words.Contains("any") || words.Contains("anything"));
    }

    private bool IsOrdinary(string word) => _lexicon.OrdinaryWords.Contains(word) || _lexicon.English.Contains(word);

    /// <summary>Only a word that could be a medicine's name is asked about: not English, not a number, a time or a dose.</summary>
    private bool IsMedicineLike(string word) =>
        word.Count(char.IsLetter) >= 3 && !IsOrdinary(word) && !DoseToken().IsMatch(word) && !NumberWithSuffix().IsMatch(word);

    /// <summary>"magnesium" named as something taken: with a dose beside it, or as the whole answer's subject
    /// ("magnesium at night"). "can I take magnesium" or "magnesium levels" is not a product.</summary>
    private static bool IsOwnPlainMagnesium(string[] words, int i, double? pendingDose, bool asAnswer)
    {
        if (!IsPlainMagnesium(words[i])) return false;
        if (pendingDose is not null) return true;
        if (i + 1 < words.Length && (TryDose(words, i + 1, out _, out _) || BareMilligrams(words[i + 1]) is not null)) return true;
        if (!asAnswer || words.Any(Asking.Contains)) return false;
        return i + 1 < words.Length && PlainMagnesiumFollowers.Contains(words[i + 1]) || TakenAsAnswer(words, i);
    }

    private static bool IsPlainMagnesium(string word) => word is "magnesium" or "mag" or "magnesum" or "magnesiun" or "magnessium" or "magneisum" or "magnisium" or "magnium";

    /// <summary>"magnesium 400": a bare number after magnesium is its amount in milligrams (a plausible one only).</summary>
    private static double? BareMilligrams(string word) =>
        Number().IsMatch(word) && double.TryParse(word, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && v is >= 25 and <= 5000 ? v : null;

    /// <summary>Words after "magnesium" that say it is taken: "magnesium daily", "magnesium before bed".</summary>
    private static readonly HashSet<string> PlainMagnesiumFollowers =
    [
        "daily", "every", "each", "nightly", "at", "before", "after", "with", "once", "twice", "in", "for", "too", "also", "sometimes",
        "when", "most", "on", "supp", "supps", "pill", "pills", "tablet", "tablets", "capsule", "capsules", "gummy", "gummies",
    ];

    /// <summary>Words before "magnesium" that say it is taken ("I take magnesium", "and magnesium") ...</summary>
    private static readonly HashSet<string> TakenBefore = ["take", "taking", "takes", "took", "use", "using", "on", "plus", "and", "also", "some", "my", "with", "extra", "just", "only", "a", "the"];

    /// <summary>... unless the sentence asks whether to take it ("can I take magnesium", "should I start magnesium").</summary>
    private static readonly HashSet<string> Asking = ["can", "could", "should", "safe", "ok", "okay", "start", "try", "want", "would", "whether", "if"];

    private static bool TakenAsAnswer(string[] words, int i) =>
        words.Length <= 2
        || i > 0 && TakenBefore.Contains(words[i - 1]);

    private static bool TryDose(string[] words, int i, out double? doseMg, out int length)
    {
        doseMg = null;
        length = 0;
        var joined = DoseToken().Match(words[i]);
        if (joined.Success)
        {
            doseMg = ToMilligrams(joined.Groups[1].Value, joined.Groups[2].Value);
            length = 1;
            return true;
        }
        if (Number().IsMatch(words[i]) && i + 1 < words.Length && Unit().IsMatch(words[i + 1]))
        {
            doseMg = ToMilligrams(words[i], words[i + 1]);
            length = 2;
            return true;
        }
        return false;
    }

    private static double? ToMilligrams(string number, string unit)
    {
        if (!double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)) return null;
        return unit switch
        {
            "mg" or "mgs" or "milligram" or "milligrams" => value,
            "g" or "gram" or "grams" => value * 1000,
            "mcg" or "ug" or "microgram" or "micrograms" => value / 1000,
            _ => null, // IU and units are not a weight
        };
    }

    /// <summary>One mention per medicine; the first dose given wins.</summary>
    private static List<MedicationMention> Deduplicate(List<MedicationMention> found) =>
        [.. found.GroupBy(m => (m.ClassId, m.Canonical)).Select(g => g.First() with { DoseMg = g.Select(m => m.DoseMg).FirstOrDefault(d => d is not null) })];

    [GeneratedRegex(@"^(\d+(?:\.\d+)?)(mg|mgs|mcg|ug|g|iu|ius)$")]
    private static partial Regex DoseToken();

    [GeneratedRegex(@"^\d+(?:\.\d+)?$")]
    private static partial Regex Number();

    /// <summary>"8am", "2x", "3rd", "10pm", "24hr": numbers with a short suffix, never a medicine.</summary>
    [GeneratedRegex(@"^\d+(?:\.\d+)?[a-z]{1,4}$")]
    private static partial Regex NumberWithSuffix();

    [GeneratedRegex(@"^(mg|mgs|milligrams?|g|grams?|mcg|ug|micrograms?|iu|ius|units?)$")]
    private static partial Regex Unit();
}
