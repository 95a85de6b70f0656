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

    /// <summary>The class of a medicine the person takes but has not named ("something for anxiety").</summary>
    private const string UnnamedClassId = "medicine-not-yet-named";
    private readonly DrugClass? _unnamed;

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
        _unnamed = lexicon.Classes.FirstOrDefault(c => c.Id == UnnamedClassId);
        _oneWordNames = [.. lexicon.Names
            .Where(n => !n.IsLayTerm)
            .Select(n => (Words: TextNormalizer.Words(n.Spelling), Name: n))
            .Where(x => x.Words.Length == 1 && x.Words[0].Length >= MinClippedLength + 2)
            .Select(x => (x.Words[0], x.Name))
            .OrderBy(x => x.Item1, StringComparer.Ordinal)];
    }

    /// <summary>One-word spellings of medicines, sorted, for the clipped forms people type ("suma" for sumatriptan).</summary>
    private readonly (string Spelling, DrugName Name)[] _oneWordNames;

    private const int MinClippedLength = 4;

    /// <summary>Reads any message. Plain "magnesium" counts as a product only with an amount ("magnesium 400 mg"):
    /// "foods with magnesium" and "magnesium for migraines" are questions about magnesium, not things taken.</summary>
    public MedicationRecognition Recognize(string? text) => Recognize(text, asAnswer: false);

    /// <summary>Reads an answer to "which medicines and supplements do you take?": there, plain "magnesium" is one of
    /// them ("magnesium at night", "turmeric, fish oil, magnesium") unless the message asks about it.</summary>
    public MedicationRecognition RecognizeAnswer(string? text) => Recognize(text, asAnswer: true);

    private MedicationRecognition Recognize(string? text, bool asAnswer)
    {
        var words = Prepare(Words(text), asAnswer);
        if (words.Length == 0) return MedicationRecognition.Empty;
        var found = new List<MedicationMention>();
        var unknown = new List<string>();
        double? pendingDose = null; // "500 mg calcium": a dose just before a name belongs to it
        int? pendingCount = null;   // "2 x 250 mg magnesium": so does a count of units
        var plainMagnesiumSeen = false; // "magnesium" not yet read as a product
        var lastMentionEnd = -1;    // "lasix 40 mg": a dose just after a name belongs to it
        var i = 0;
        while (i < words.Length)
        {
            if (TryCount(words, i, out var count, out var countLength))
            {
                // "Slow-Mag 2 tabs", "2 x 250 mg", "250 mg x 2": the amount is per unit, so the total is that many times it.
                if (found.Count > 0 && lastMentionEnd == i) found[^1] = found[^1] with { Count = count };
                else pendingCount = count;
                i += countLength;
                if (found.Count > 0 && lastMentionEnd == i - countLength) lastMentionEnd = i;
                continue;
            }
            if (TryDose(words, i, out var dose, out var doseLength))
            {
                if (found.Count > 0 && found[^1].DoseMg is null && lastMentionEnd == i) found[^1] = found[^1] with { DoseMg = dose };
                else pendingDose = dose;
                i += doseLength;
                // "magnesium 250 mg x 2": a count after the dose still belongs to the name before it.
                if (found.Count > 0 && lastMentionEnd == i - doseLength) lastMentionEnd = i;
                continue;
            }
            var hit = _names.MatchAt(words, i) ?? SpelledLettersAt(words, i) ?? PluralAt(words, i) ?? ClippedAt(words, i);
            if (hit is { } everyday && !asAnswer && IsEverydaySupplementWord(words, i, everyday.Length, everyday.Payload))
            {
                // "foods like garlic and cinnamon": outside an answer to the check, a supplement named by an everyday word
                // is that word, unless a product word says it is taken as a supplement ("garlic pills").
                pendingDose = null;
                i += everyday.Length;
                continue;
            }
            var plain = _ordinaryPhrases.MatchAt(words, i, fuzzy: false) ?? ConditionAt(words, i);
            if (plain is { } p && (hit is null || p.Length >= hit.Value.Length))
            {
                // "calcium channels in nerves" is physiology, not the calcium supplement.
                pendingDose = null;
                i += p.Length;
                continue;
            }
            if (hit is { Length: 1 } salt && IsSaltOfNameBefore(text, words, i, found, lastMentionEnd))
            {
                // "ATORVASTATIN CALCIUM 40 MG", "losartan potassium": the salt of the medicine just named, as labels write it.
                i += salt.Length;
                lastMentionEnd = i;
                continue;
            }
            if (hit is { } h)
            {
                var matched = string.Join(' ', words.Skip(i).Take(h.Length));
                // "Hyzaar 100/25" is losartan and hydrochlorothiazide: each component is checked on its own.
                if (h.Payload.IsLayTerm && found.Count > 0 && !_lexicon.IsLayTerm(found[^1].ClassId, found[^1].Canonical)
                    && (lastMentionEnd == i || i > 0 && words[i - 1] == "for"))
                {
                    // "Lasix water pill", "Colace stool softener": a lay word right after a name describes it;
                    // "yaz for birth control": so does one after "for", the reason for it.
                    i += h.Length;
                    lastMentionEnd = i;
                    continue;
                }
                if (i > 0 && words[i - 1] == "without")
                {
                    // "Excedrin Tension Headache (the one without aspirin)": a medicine said to be left out is not taken.
                    i += h.Length;
                    continue;
                }
                var parts = h.Payload.ClassId == CombinationClassId ? _combinations[h.Payload.Canonical].Components : [h.Payload];
                foreach (var part in parts)
                {
                    var cls = _lexicon.Class(part.ClassId);
                    found.Add(new MedicationMention(part.Canonical, cls.Id, cls.Name, matched, parts.Count == 1 ? pendingDose : null, part.MagnesiumForm)
                    {
                        Count = parts.Count == 1 ? pendingCount : null,
                        LabelMgPerUnit = part.LabelMgPerUnit,
                    });
                }
                pendingDose = null;
                pendingCount = null;
                i += h.Length;
                lastMentionEnd = i;
                continue;
            }
            var word = words[i];
            if (IsPlainMagnesium(word) && IsSaltOfNameBefore(text, words, i, found, lastMentionEnd))
            {
                // "ESOMEPRAZOLE MAGNESIUM 40 MG": the medicine's salt, not magnesium taken on its own.
                i++;
                lastMentionEnd = i;
                continue;
            }
            if (IsOwnPlainMagnesium(words, i, pendingDose, asAnswer) && _plainMagnesium is { } plainMg)
            {
                // "magnesium 400 mg", "250mg magnesium", "magnesium every night": the person's own magnesium, form not named.
                var bare = i + 1 < words.Length ? BareMilligrams(words[i + 1]) : null;
                found.Add(new MedicationMention(plainMg.Canonical, plainMg.ClassId, _lexicon.Class(plainMg.ClassId).Name, word, pendingDose ?? bare, plainMg.MagnesiumForm) { Count = pendingCount });
                pendingDose = null;
                pendingCount = null;
                i += bare is null ? 1 : 2;
                lastMentionEnd = i;
                continue;
            }
            if (UnnamedMedicineAt(words, i, lastMentionEnd) is { } unnamed)
            {
                // "something for anxiety", "the monthly shot for my migraines": a medicine the person takes but has not named.
                found.Add(unnamed.Mention);
                pendingDose = null;
                i += unnamed.Length;
                lastMentionEnd = i;
                continue;
            }
            if (IsPlainMagnesium(word)) plainMagnesiumSeen = true;
            else if (IsMedicineLike(word) && !IsNamedReason(words, i) && !IsConditionAdjective(words, i) && !unknown.Contains(word)) unknown.Add(word);
            // "400 mg of magnesium citrate": a dose carries over "of".
            if (word != "of") pendingDose = null;
            i++;
        }
        // "turmeric, fish oil, magnesium": in a list of things taken, plain magnesium is one of them too.
        if (asAnswer && plainMagnesiumSeen && _plainMagnesium is { } listed && found.Count > 0 && !found.Any(f => f.OwnMagnesiumForm is not null) && !words.Any(Asking.Contains))
            found.Add(new MedicationMention(listed.Canonical, listed.ClassId, _lexicon.Class(listed.ClassId).Name, "magnesium", null, listed.MagnesiumForm));
        found = WithoutClassWordsOfNamedMedicines(Deduplicate(found));
        var saidNone = found.Count == 0 && unknown.Count == 0 && SaysNone(words);
        return new MedicationRecognition(found, unknown, saidNone);
    }

    /// <summary>Words that say a thing is taken as a product: "garlic pills", "cinnamon capsules", "lavender oil".</summary>
    private static readonly HashSet<string> ProductWords =
    [
        "pill", "pills", "capsule", "capsules", "cap", "caps", "tablet", "tablets", "tab", "tabs", "softgel", "softgels", "gummy", "gummies",
        "supplement", "supplements", "supp", "supps", "extract", "extracts", "oil", "tincture", "drops", "powder", "chews", "mg", "mcg",
    ];

    /// <summary>Is the supplement matched at <paramref name="i"/> one named by an everyday word (supplements.yaml marks them),
    /// with no product word or dose in or right after it? Such a name is a supplement in an answer to the check's
    /// question, not in other talk.</summary>
    private static bool IsEverydaySupplementWord(string[] words, int i, int length, DrugName name)
    {
        if (!name.IsEverydayWord) return false;
        if (words.Skip(i).Take(length).Any(ProductWords.Contains)) return false;
        var next = i + length;
        return next >= words.Length || !ProductWords.Contains(words[next]) && !TryDose(words, next, out _, out _);
    }

    /// <summary>"D.H.E.", "H.C.T.Z.": a name spelled letter by letter with full stops (read as single letters) that is a
    /// name of the vocabulary when the letters are joined.</summary>
    private (DrugName Payload, int Length)? SpelledLettersAt(string[] words, int i)
    {
        var end = i;
        while (end < words.Length && end - i < 6 && words[end].Length == 1 && char.IsLetter(words[end][0])) end++;
        if (end - i < 2) return null;
        for (var len = end - i; len >= 2; len--)
        {
            var joined = string.Concat(words.Skip(i).Take(len));
            if (joined.Length >= 3 && _names.MatchAt([joined], 0, fuzzy: false) is { Length: 1 } hit) return (hit.Payload, len);
        }
        return null;
    }

    /// <summary>"PPIs", "SSRIs", "triptans": the plural of a name or class word of the vocabulary, typed exactly.</summary>
    private (DrugName Payload, int Length)? PluralAt(string[] words, int i)
    {
        var word = words[i];
        if (word.Length < 4 || word[^1] != 's' || IsOrdinary(word)) return null;
        var stem = (string[])words.Clone();
        stem[i] = word[..^1];
        return _names.MatchAt(stem, i, fuzzy: false);
    }

    /// <summary>"suma 50 as needed": the first letters of exactly one medicine's name (generic or brand), as people and
    /// prescribers shorten them. A clip that begins more than one medicine ("doxy": doxycycline, doxepin, doxazosin) is
    /// asked about instead, and so is anything given as a reason ("for lyme").</summary>
    private (DrugName Payload, int Length)? ClippedAt(string[] words, int i)
    {
        var word = words[i];
        if (word.Length < MinClippedLength || !word.All(char.IsLetter) || IsPlainMagnesium(word) || !IsMedicineLike(word) || IsNamedReason(words, i)) return null;
        var from = Array.BinarySearch(_oneWordNames, (word, default(DrugName)!), ClipOrder.Instance);
        if (from < 0) from = ~from;
        DrugName? only = null;
        for (var k = from; k < _oneWordNames.Length && _oneWordNames[k].Spelling.StartsWith(word, StringComparison.Ordinal); k++)
        {
            var name = _oneWordNames[k].Name;
            if (only is null) only = name;
            else if (only.Canonical != name.Canonical || only.ClassId != name.ClassId) return null;
        }
        return only is null ? null : (only, 1);
    }

    private sealed class ClipOrder : IComparer<(string Spelling, DrugName Name)>
    {
        public static ClipOrder Instance { get; } = new();
        public int Compare((string Spelling, DrugName Name) x, (string Spelling, DrugName Name) y) => string.CompareOrdinal(x.Spelling, y.Spelling);
    }

    /// <summary>A proper noun given as the reason for a medicine ("doxy for lyme", "for my parkinson's") names a condition;
    /// one after a place or source word ("at Kaiser", "in Denver", "from Trader Joe's") a place or a shop; one after a
    /// person's title ("Dr. Patel", "Pharmacist: J. Rivera") a person. None of them is a medicine. Elsewhere proper nouns
    /// may be brand names, so they are asked about.</summary>
    private bool IsNamedReason(string[] words, int i)
    {
        if (!_lexicon.English.IsProperNoun(words[i]) && !IsProperPossessive(words[i])) return false;
        // Up to two words between: an article or possessive, an initial, or another part of the name ("trader joes").
        for (var k = i - 1; k >= 0 && k >= i - 3; k--)
        {
            var w = words[k];
            if (w == "for" || PlaceWords.Contains(w) || PersonTitles.Contains(w)) return true;
            if (!(w.Length == 1 || w is "my" or "the" or "his" or "her" or "a" or "their" or "our" || _lexicon.English.IsProperNoun(w) || IsOrdinary(w) && k == i - 1)) return false;
        }
        return false;
    }

    /// <summary>Nouns that end the name of a condition: "macular degeneration", "ankylosing spondylitis", "restless legs".</summary>
    private static readonly HashSet<string> ConditionHeads =
    [
        "disease", "diseases", "syndrome", "disorder", "degeneration", "deficiency", "dystrophy", "neuropathy", "neuralgia",
        "arthritis", "spondylitis", "fasciitis", "cystitis", "dermatitis", "colitis", "gastritis", "sclerosis", "palsy",
        "hypersomnia", "insomnia", "anemia", "anaemia", "fibrillation", "hypertension", "edema", "pain", "legs", "bladder",
        "bowel", "reflux", "migraine", "migraines", "headache", "headaches", "cancer", "infection", "infections", "fever",
    ];

    /// <summary>"for macular degeneration", "for my ankylosing spondylitis": a word the lists do not know, given as part of
    /// the reason for a medicine (after "for", before the noun that ends a condition's name), is that condition's word; so is
    /// that noun itself.</summary>
    private static bool IsConditionAdjective(string[] words, int i)
    {
        if (ConditionHeads.Contains(words[i])) return true;
        if (i + 1 >= words.Length || !ConditionHeads.Contains(words[i + 1])) return false;
        return i > 0 && words[i - 1] == "for" || i > 1 && words[i - 2] == "for" && words[i - 1] is "my" or "the" or "his" or "her" or "a" or "their";
    }

    /// <summary>"joes" for "Joe's": the possessive of a proper noun, with the apostrophe dropped by the normalizer.</summary>
    private bool IsProperPossessive(string word) => word.Length > 3 && word[^1] == 's' && _lexicon.English.IsProperNoun(word[..^1]);

    /// <summary>Words before a place, shop or clinic: "at Kaiser", "in Austin", "from Costco", "near Denver".</summary>
    private static readonly HashSet<string> PlaceWords = ["at", "in", "from", "near", "by", "per", "via", "to"];

    /// <summary>Titles and roles before a person's name on a printout or in a note: "Dr. Nguyen", "Prescriber: Smith".</summary>
    private static readonly HashSet<string> PersonTitles =
        ["dr", "doctor", "pharmacist", "prescriber", "nurse", "np", "pa", "md", "rn", "rph", "mr", "mrs", "ms", "miss", "prof", "provider", "physician", "attending"];

    /// <summary>Minerals that are also the salt of a medicine on its label ("atorvastatin calcium", "losartan potassium").</summary>
    private static readonly HashSet<string> SaltMinerals = ["potassium", "calcium"];

    /// <summary>Is the word at <paramref name="i"/> the salt written right after the medicine just named, with nothing
    /// between in the message ("LOSARTAN POTASSIUM 50 MG", not "losartan, potassium 20 meq")? Magnesium counts as a salt
    /// only after a proton pump inhibitor (esomeprazole magnesium), since elsewhere it is most likely taken itself.</summary>
    private bool IsSaltOfNameBefore(string? text, string[] words, int i, List<MedicationMention> found, int lastMentionEnd)
    {
        if (found.Count == 0 || lastMentionEnd != i || text is null) return false;
        var word = words[i];
        var before = found[^1];
        if (before.DoseMg is not null || before.OwnMagnesiumForm is not null || _lexicon.IsLayTerm(before.ClassId, before.Canonical)) return false;
        var isSalt = SaltMinerals.Contains(word) || IsPlainMagnesium(word) && before.ClassId == ProtonPumpInhibitorClassId;
        return isSalt && text.Contains(before.Matched + " " + word, StringComparison.OrdinalIgnoreCase);
    }

    private const string ProtonPumpInhibitorClassId = "proton-pump-inhibitor";

    /// <summary>"omeprazole ... my doctor said PPIs lower magnesium": a class word beside a medicine of that class names the
    /// same thing, so only the medicine is kept.</summary>
    private List<MedicationMention> WithoutClassWordsOfNamedMedicines(List<MedicationMention> found) =>
        [.. found.Where(m => !_lexicon.IsLayTerm(m.ClassId, m.Canonical) || !found.Any(o => o.ClassId == m.ClassId && !_lexicon.IsLayTerm(o.ClassId, o.Canonical)))];

    /// <summary>Magnesium salts that, named alone in a list of things taken, are magnesium ("glycinate at night") unless
    /// another mineral comes first ("zinc glycinate"). Citrate, oxide and the like are left out: many minerals come as those.</summary>
    private static readonly HashSet<string> MagnesiumOnlySalts = ["glycinate", "bisglycinate", "threonate", "malate", "taurate", "orotate"];

    private static readonly HashSet<string> OtherMinerals = ["zinc", "iron", "ferrous", "calcium", "potassium", "copper", "chromium", "manganese", "sodium", "selenium", "boron", "lithium", "magnesium"];

    /// <summary>Vitamin letters written apart from their number ("b-12", "D 3").</summary>
    private static readonly HashSet<string> VitaminLetters = ["b", "d", "k"];

    /// <summary>
    /// Rewrites the ways people shorten what the vocabulary spells out: "mag" before a salt or after "milk of" is
    /// magnesium ("mag l-threonate", "milk of mag"); a vitamin letter apart from its number is one word ("b 12" is
    /// b12); and in an answer, a magnesium-only salt named alone is magnesium ("glycinate + threonate").
    /// </summary>
    private static string[] Prepare(string[] words, bool asAnswer)
    {
        var result = new List<string>(words.Length + 2);
        for (var i = 0; i < words.Length; i++)
        {
            var w = words[i];
            var next = i + 1 < words.Length ? words[i + 1] : null;
            var afterNext = i + 2 < words.Length ? words[i + 2] : null;
            if (w == "mag" && (IsSalt(next) || next == "l" && IsSalt(afterNext) || i >= 2 && words[i - 1] == "of" && words[i - 2] == "milk"))
            {
                result.Add(i >= 2 && words[i - 1] == "of" ? "magnesia" : "magnesium");
                continue;
            }
            if (VitaminLetters.Contains(w) && next is { Length: <= 2 } && next.All(char.IsDigit) && !(i > 0 && words[i - 1].Length == 1))
            {
                result.Add(w + next);
                i++;
                continue;
            }
            if (w == "d" && next is not null && Number().IsMatch(next) && (i == 0 || words[i - 1] != "vitamin"))
            {
                // "D 5000", "iron, D 2000": vitamin D by its letter, with an amount in units.
                result.Add("vitamin");
                result.Add("d");
                continue;
            }
            if (asAnswer && MagnesiumOnlySalts.Contains(w) && !(i > 0 && (OtherMinerals.Contains(words[i - 1]) || words[i - 1] is "mag" or "l" || IsPlainMagnesium(words[i - 1]))))
                result.Add("magnesium");
            else if (asAnswer && w == "l" && MagnesiumOnlySalts.Contains(next ?? "") && !(i > 0 && (OtherMinerals.Contains(words[i - 1]) || words[i - 1] == "mag")))
                result.Add("magnesium");
            result.Add(w);
        }
        return [.. result];

        static bool IsSalt(string? word) => word is not null && (MagnesiumOnlySalts.Contains(word) || word is "citrate" or "oxide" or "chloride" or "lactate" or "aspartate" or "gluconate" or "sulfate" or "carbonate" or "hydroxide");
    }

    /// <summary>Words for a unit a dose is taken as: "2 tabs", "two capsules".</summary>
    private static readonly HashSet<string> UnitWords = ["tab", "tabs", "tablet", "tablets", "cap", "caps", "capsule", "capsules", "pill", "pills", "gummy", "gummies", "softgel", "softgels", "scoop", "scoops", "chewable", "chewables"];

    private static readonly Dictionary<string, int> SmallNumbers = new(StringComparer.Ordinal)
    {
        ["one"] = 1, ["two"] = 2, ["three"] = 3, ["four"] = 4, ["five"] = 5, ["six"] = 6,
    };

    /// <summary>A count of units at <paramref name="i"/>: "2 tabs", "two capsules", "2 x" or "2x" before a dose, "x 2" or "x2" after one.</summary>
    private static bool TryCount(string[] words, int i, out int count, out int length)
    {
        count = 0;
        length = 0;
        var w = words[i];
        var next = i + 1 < words.Length ? words[i + 1] : null;
        if (SmallCount(w) is { } n)
        {
            if (next is not null && UnitWords.Contains(next)) { count = n; length = 2; return true; }
            if (next == "x" && i + 2 < words.Length && (TryDose(words, i + 2, out _, out _) || Number().IsMatch(words[i + 2]))) { count = n; length = 2; return true; }
        }
        if (TimesPrefix().Match(w) is { Success: true } before && i + 1 < words.Length && TryDose(words, i + 1, out _, out _))
        {
            count = int.Parse(before.Groups[1].Value, CultureInfo.InvariantCulture);
            length = 1;
            return count is >= 1 and <= 12;
        }
        if (w == "x" && next is not null && SmallCount(next) is { } after && i > 0 && (DoseToken().IsMatch(words[i - 1]) || Unit().IsMatch(words[i - 1])))
        {
            count = after; length = 2; return true;
        }
        if (TimesSuffix().Match(w) is { Success: true } x && i > 0 && (DoseToken().IsMatch(words[i - 1]) || Unit().IsMatch(words[i - 1])))
        {
            count = int.Parse(x.Groups[1].Value, CultureInfo.InvariantCulture);
            length = 1;
            return count is >= 1 and <= 12;
        }
        return false;

        static int? SmallCount(string word) =>
            SmallNumbers.TryGetValue(word, out var v) ? v
            : int.TryParse(word, NumberStyles.None, CultureInfo.InvariantCulture, out var d) && d is >= 1 and <= 12 ? d : null;
    }

    /// <summary>Words that name a medicine without its name when "for" follows ("something for anxiety", "the shot for my migraines").</summary>
    private static readonly HashSet<string> UnnamedHeads = ["something", "pill", "pills", "shot", "shots", "injection", "injections", "medicine", "medicines", "medication", "med", "meds", "tablet", "tablets", "one", "inhaler", "patch", "spray", "cream"];

    private static readonly HashSet<string> ReasonStops = ["and", "but", "plus", "also", "with", "then", "or", "i", "at", "in", "on", "every", "once", "twice", "daily"];

    /// <summary>"something for blood pressure": a lay word of a class if "blood pressure pill" is one; otherwise a medicine
    /// not yet named. Not when the words describe the name just before them ("lyrica pills for fibro").</summary>
    private (MedicationMention Mention, int Length)? UnnamedMedicineAt(string[] words, int i, int lastMentionEnd)
    {
        if (!UnnamedHeads.Contains(words[i]) || lastMentionEnd == i || i + 2 >= words.Length || words[i + 1] != "for") return null;
        var start = i + 2;
        while (start < words.Length && words[start] is "my" or "the" or "his" or "her" or "a" or "when") start++;
        var end = start;
        while (end < words.Length && end - start < 3 && !ReasonStops.Contains(words[end]) && !Number().IsMatch(words[end])) end++;
        if (end == start) return null;
        var reason = words[start..end];
        foreach (var head in new[] { "pill", "medicine", "pills" })
        {
            if (_names.MatchAt([.. reason, head], 0, fuzzy: false) is { } lay && lay.Length == reason.Length + 1 && lay.Payload.IsLayTerm)
            {
                var cls = _lexicon.Class(lay.Payload.ClassId);
                return (new MedicationMention(lay.Payload.Canonical, cls.Id, cls.Name, string.Join(' ', words[i..end]), null), end - i);
            }
        }
        if (_unnamed is not { } unnamed) return null;
        var phrase = string.Join(' ', words[i..end]);
        return (new MedicationMention(phrase, unnamed.Id, unnamed.Name, phrase, null), end - i);
    }

    [GeneratedRegex(@"^(\d{1,2})x$")]
    private static partial Regex TimesPrefix();

    [GeneratedRegex(@"^x(\d{1,2})$")]
    private static partial Regex TimesSuffix();

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

    /// <summary>An ordinary word as written, or a plural, possessive or "-er" form of one the lists give only in its base
    /// form ("chewables", "neuros" for "neuro's", "changer"). Used only to decide what is asked about: a misspelling
    /// of a medicine may still look like such a form ("giner"), so the fuzzy match does not use it.</summary>
    private bool IsOrdinaryOrInflected(string word)
    {
        if (IsOrdinary(word)) return true;
        if (word.Length < 5) return false;
        foreach (var (ending, replacement) in Inflections)
        {
            if (word.EndsWith(ending, StringComparison.Ordinal) && IsOrdinary(word[..^ending.Length] + replacement))
                return true;
        }
        return false;
    }

    /// <summary>Endings of English inflections and what the base form ends with instead ("changer" is "change" + r).</summary>
    private static readonly (string Ending, string Replacement)[] Inflections = [("s", ""), ("es", ""), ("ies", "y"), ("er", "e"), ("ers", "e")];

    /// <summary>Only a word that could be a medicine's name is asked about: not English, not a number, a time or a dose.</summary>
    private bool IsMedicineLike(string word) =>
        word.Count(char.IsLetter) >= 3 && !IsOrdinaryOrInflected(word) && !DoseToken().IsMatch(word) && !NumberWithSuffix().IsMatch(word);

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
        || i > 0 && TakenBefore.Contains(words[i - 1])
        // "magnesium, not sure what kind": the first thing an answer names is something taken, unless it is about levels.
        || i == 0 && !NotTaken.Contains(words[1]);

    private static readonly HashSet<string> NotTaken = ["level", "levels", "deficiency", "deficient", "test", "tests", "blood", "is", "was", "does", "do", "makes", "in"];

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
