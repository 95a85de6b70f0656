using MagBot.Dialogs.Understanding;
using YamlDotNet.RepresentationModel;

namespace MagBot.Dialogs.Knowledge;

/// <summary>
/// The medicines MagBot knows, by class, with what magnesium does to each class, and the health conditions
/// that call for a provider first. Loaded from <c>medications.yaml</c>, <c>conditions.yaml</c> and
/// <c>medication-words.yaml</c> and validated at start-up: an error names the file and the entry, so a
/// reviewer can fix the content (a name in two classes, a class without a source, an unknown source id).
/// </summary>
public sealed class MedicationLexicon
{
    public const string MedicationsFile = "medications.yaml";
    public const string NoInteractionFile = "medicines-no-interaction.yaml";
    public const string SupplementsFile = "supplements.yaml";
    public const string ConditionsFile = "conditions.yaml";
    public const string WordsFile = "medication-words.yaml";
    public const string CombinationsFile = "medicine-combinations.yaml";

    private readonly Dictionary<string, DrugClass> _classes;
    private readonly Dictionary<string, DrugClass> _classOfCanonical = new(StringComparer.Ordinal);

    private MedicationLexicon(List<DrugClass> classes, List<HealthCondition> conditions, (HashSet<string> Words, List<string> Phrases) ordinary, DateOnly reviewed, EnglishWords english, List<MedicineCombination> combinations)
    {
        English = english;
        Combinations = combinations;
        _classes = classes.ToDictionary(c => c.Id, StringComparer.Ordinal);
        Classes = classes;
        Conditions = conditions;
        OrdinaryWords = ordinary.Words;
        OrdinaryPhrases = ordinary.Phrases;
        Reviewed = reviewed;
        Names = [.. classes.SelectMany(c => c.Names)];
        foreach (var n in Names)
        {
            if (!_classOfCanonical.TryAdd(n.Canonical, _classes[n.ClassId]) && _classOfCanonical[n.Canonical].Id != n.ClassId)
                throw new ContentValidationException($"'{n.Canonical}' is the name of a medicine in two classes ('{_classOfCanonical[n.Canonical].Id}' and '{n.ClassId}'); a name may belong to one class only.");
        }
    }

    public IReadOnlyList<DrugClass> Classes { get; }
    public IReadOnlyList<HealthCondition> Conditions { get; }

    /// <summary>Every spelling of every class, lay words included.</summary>
    public IReadOnlyList<DrugName> Names { get; }

    /// <summary>Normalized words that are never a medicine (see medication-words.yaml).</summary>
    public IReadOnlySet<string> OrdinaryWords { get; }

    /// <summary>Phrases that begin like a medicine but are not one ("calcium channels").</summary>
    public IReadOnlyList<string> OrdinaryPhrases { get; }

    public DateOnly Reviewed { get; }

    /// <summary>Products that contain several medicines ("Hyzaar": losartan and hydrochlorothiazide), each named by its brands.</summary>
    public IReadOnlyList<MedicineCombination> Combinations { get; }

    /// <summary>Ordinary English words from a maintained word list: never asked about as unknown medicines.</summary>
    public EnglishWords English { get; }

    public DrugClass Class(string id) =>
        _classes.TryGetValue(id, out var c) ? c : throw new KeyNotFoundException($"No drug class '{id}' in {MedicationsFile}.");

    /// <summary>The class of a medicine by its canonical name (a name belongs to one class only), or null when the
    /// lexicon no longer has it. A conversation keeps only the name and looks its class up again.</summary>
    public DrugClass? ClassOf(string canonical) => _classOfCanonical.GetValueOrDefault(canonical);

    /// <summary>Is <paramref name="canonical"/> a lay word of the class, or of a class named only in lay words (a medicine
    /// described by what it is for, "something for anxiety", is such a class's lay word too)?</summary>
    public bool IsLayTerm(string classId, string canonical) =>
        _classes.TryGetValue(classId, out var c) && c.Names.Any(n => n.IsLayTerm && n.Canonical == canonical || n.IsLayTerm && c.Names.All(x => x.IsLayTerm));

    public HealthCondition Condition(string id) =>
        Conditions.FirstOrDefault(c => c.Id == id) ?? throw new KeyNotFoundException($"No condition '{id}' in {ConditionsFile}.");

    /// <summary>Loads the embedded files, checking every cited source against <paramref name="content"/>.</summary>
    public static MedicationLexicon LoadEmbedded(ContentCatalog content)
    {
        ArgumentNullException.ThrowIfNull(content);
        return Load(
            [(MedicationsFile, ContentCatalog.ReadResource(MedicationsFile)), (NoInteractionFile, ContentCatalog.ReadResource(NoInteractionFile)),
                (SupplementsFile, ContentCatalog.ReadResource(SupplementsFile))],
            ContentCatalog.ReadResource(ConditionsFile),
            ContentCatalog.ReadResource(WordsFile),
            content.HasSource,
            EnglishWords.Embedded,
            ContentCatalog.ReadResource(CombinationsFile));
    }

    /// <summary>Parses and validates the three files' text; <paramref name="sourceExists"/> says whether a source id is defined.</summary>
    public static MedicationLexicon Load(string medicationsYaml, string conditionsYaml, string wordsYaml, Func<string, bool> sourceExists) =>
        Load([(MedicationsFile, medicationsYaml)], conditionsYaml, wordsYaml, sourceExists, EnglishWords.Empty);

    /// <summary>Parses and validates the medicine files (a name may belong to one class across all of them), the conditions and the words.</summary>
    public static MedicationLexicon Load(IReadOnlyList<(string File, string Yaml)> medicationFiles, string conditionsYaml, string wordsYaml, Func<string, bool> sourceExists, EnglishWords english, string? combinationsYaml = null)
    {
        var words = LoadWords(wordsYaml);
        var classes = new List<DrugClass>();
        var owner = new Dictionary<string, string>(StringComparer.Ordinal); // normalized spelling -> class id
        var reviewed = DateOnly.MaxValue;
        foreach (var (file, yaml) in medicationFiles)
        {
            var fileReviewed = LoadClasses(file, yaml, sourceExists, classes, owner);
            if (fileReviewed < reviewed) reviewed = fileReviewed;
        }
        var conditions = LoadConditions(conditionsYaml, sourceExists);
        var combinations = combinationsYaml is null ? [] : LoadCombinations(combinationsYaml, classes, owner);
        return new MedicationLexicon(classes, conditions, words, reviewed, english, combinations);
    }

    private static DateOnly LoadClasses(string file, string yaml, Func<string, bool> sourceExists, List<DrugClass> classes, Dictionary<string, string> owner)
    {
        var (root, reviewed) = ContentCatalog.ParseStructured(file, yaml, "medications");
        foreach (var item in ContentCatalog.Seq(root, "classes", file))
        {
            var id = ContentCatalog.Req(item, "id", file, "a class");
            if (classes.Any(c => c.Id == id)) throw new ContentValidationException($"{file}: class '{id}' is defined twice.");
            var entry = $"class '{id}'";
            var severity = ContentCatalog.Req(item, "severity", file, entry) switch
            {
                "none" => InteractionSeverity.None,
                "high" => InteractionSeverity.High,
                "moderate" => InteractionSeverity.Moderate,
                "low" => InteractionSeverity.Low,
                var s => throw new ContentValidationException($"{file}: {entry} has severity '{s}'; use high, moderate, low or none (no interaction in MagBot's sources)."),
            };
            var sources = Strings(item, "sources");
            if (sources.Count == 0)
                throw new ContentValidationException($"{file}: {entry} has no sources. Every interaction needs at least one source id from sources.yaml.");
            foreach (var s in sources.Where(s => !sourceExists(s)))
                throw new ContentValidationException($"{file}: {entry} cites source '{s}', which sources.yaml does not define.");

            var names = new List<DrugName>();
            var generated = new HashSet<DrugName>(); // lay-word variants: skipped where a listed name says the same
            foreach (var member in OptionalSeq(item, "members", file))
            {
                var canonical = ContentCatalog.Req(member, "name", file, $"a member of {entry}");
                var form = ContentCatalog.Opt(member, "magnesiumForm");
                var saltLabel = ContentCatalog.Opt(member, "saltLabel") == "true";
                var everyday = ContentCatalog.Opt(member, "everydayWord") == "true";
                foreach (var spelling in new[] { canonical }.Concat(Strings(member, "brands")).Concat(Strings(member, "aliases")))
                    names.Add(new DrugName(canonical, spelling, id, IsLayTerm: false, form, saltLabel) { IsEverydayWord = everyday });
                foreach (var product in OptionalSeq(member, "labelProducts", file))
                    names.Add(LabelProduct(product, canonical, id, form, file, sourceExists));
            }
            foreach (var lay in Strings(item, "lay"))
            {
                names.Add(new DrugName(lay, lay, id, IsLayTerm: true));
                // "thyroid pill" is also typed "thyroid meds", "thyroid medicine", "thyroid tablets".
                if (lay.EndsWith(" pill", StringComparison.Ordinal))
                    foreach (var other in LayPillVariants)
                    {
                        var variant = new DrugName(lay, lay[..^"pill".Length] + other, id, IsLayTerm: true);
                        names.Add(variant);
                        generated.Add(variant);
                    }
            }
            if (names.Count == 0)
                throw new ContentValidationException($"{file}: {entry} has no members and no lay words.");
            foreach (var n in names.OrderBy(generated.Contains).ToList())
            {
                var key = TextNormalizer.Normalize(n.Spelling);
                if (key.Length == 0) throw new ContentValidationException($"{file}: {entry} has an empty name.");
                if (generated.Contains(n) && owner.ContainsKey(key))
                {
                    names.Remove(n);
                    continue;
                }
                if (owner.TryGetValue(key, out var other))
                    throw new ContentValidationException($"{file}: the name '{n.Spelling}' is listed in class '{other}' and again in {entry}. A name may belong to one class only.");
                owner[key] = id;
            }
            classes.Add(new DrugClass(id, ContentCatalog.Req(item, "name", file, entry), severity,
                ContentCatalog.Req(item, "effect", file, entry).Trim(), ContentCatalog.Req(item, "advice", file, entry).Trim(),
                ContentCatalog.Req(item, "question", file, entry).Trim(), sources, names));
        }
        return reviewed;
    }

    private static readonly string[] LayPillVariants = ["pills", "med", "meds", "medicine", "medicines", "medication", "medications", "tablet", "tablets"];

    private static List<MedicineCombination> LoadCombinations(string yaml, List<DrugClass> classes, Dictionary<string, string> owner)
    {
        const string file = CombinationsFile;
        var root = ContentCatalog.ParseHeader(file, yaml);
        RequireKind(root, file, "medicine-combinations");
        var generics = classes.SelectMany(c => c.Names).Where(n => !n.IsLayTerm && n.Spelling == n.Canonical)
            .GroupBy(n => n.Canonical, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var list = new List<MedicineCombination>();
        foreach (var item in ContentCatalog.Seq(root, "combinations", file))
        {
            var brands = Strings(item, "brands");
            var entry = $"combination '{(brands.Count > 0 ? brands[0] : "?")}'";
            if (brands.Count == 0) throw new ContentValidationException($"{file}: a combination has no brands.");
            var components = new List<DrugName>();
            foreach (var c in Strings(item, "components"))
                components.Add(generics.TryGetValue(c, out var g) ? g
                    : throw new ContentValidationException($"{file}: {entry} names component '{c}', which is not the generic name of a member in medications.yaml or {NoInteractionFile}."));
            if (components.Count < 2) throw new ContentValidationException($"{file}: {entry} needs at least two components.");
            foreach (var brand in brands)
            {
                var key = TextNormalizer.Normalize(brand);
                if (owner.TryGetValue(key, out var other))
                    throw new ContentValidationException($"{file}: the brand '{brand}' of {entry} is also a name in class '{other}'. A name may belong to one entry only.");
                owner[key] = "combination";
                list.Add(new MedicineCombination(brand, components));
            }
        }
        return list;
    }

    private static List<HealthCondition> LoadConditions(string yaml, Func<string, bool> sourceExists)
    {
        const string file = ConditionsFile;
        var (root, _) = ContentCatalog.ParseStructured(file, yaml, "conditions");
        var list = new List<HealthCondition>();
        foreach (var item in ContentCatalog.Seq(root, "conditions", file))
        {
            var id = ContentCatalog.Req(item, "id", file, "a condition");
            var entry = $"condition '{id}'";
            if (list.Any(c => c.Id == id)) throw new ContentValidationException($"{file}: {entry} is defined twice.");
            var sources = Strings(item, "sources");
            if (sources.Count == 0) throw new ContentValidationException($"{file}: {entry} has no sources.");
            foreach (var s in sources.Where(s => !sourceExists(s)))
                throw new ContentValidationException($"{file}: {entry} cites source '{s}', which sources.yaml does not define.");
            var synonyms = Strings(item, "synonyms");
            if (synonyms.Count == 0) throw new ContentValidationException($"{file}: {entry} has no synonyms.");
            list.Add(new HealthCondition(id, ContentCatalog.Req(item, "name", file, entry), synonyms,
                ContentCatalog.Req(item, "advice", file, entry).Trim(), sources));
        }
        return list;
    }

    private static (HashSet<string>, List<string>) LoadWords(string yaml)
    {
        const string file = WordsFile;
        var root = ContentCatalog.ParseHeader(file, yaml);
        RequireKind(root, file, "medication-words");
        var words = Strings(root, "ordinary").Select(TextNormalizer.Normalize).Where(w => w.Length > 0).ToHashSet(StringComparer.Ordinal);
        if (words.Count == 0) throw new ContentValidationException($"{file}: the list 'ordinary' is missing or empty.");
        return (words, [.. Strings(root, "ordinaryPhrases").Select(TextNormalizer.Normalize).Where(p => p.Length > 0)]);
    }

    private static void RequireKind(YamlMappingNode root, string file, string kind)
    {
        var actual = ContentCatalog.Opt(root, "kind");
        if (actual != kind) throw new ContentValidationException($"{file}: kind is '{actual ?? "missing"}'; expected '{kind}'.");
    }

    /// <summary>A brand whose label gives the elemental magnesium in one unit ("Slow-Mag": 71.5 mg a tablet). That amount is
    /// the magnesium itself, so it is never taken for the weight of the salt.</summary>
    private static DrugName LabelProduct(YamlMappingNode product, string canonical, string classId, string? form, string file, Func<string, bool> sourceExists)
    {
        var brand = ContentCatalog.Req(product, "brand", file, $"a label product of {canonical}");
        var where = $"{file}: label product '{brand}' of {canonical}";
        if (!double.TryParse(ContentCatalog.Req(product, "mgPerUnit", file, where), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var mg) || mg is <= 0 or > 1000)
            throw new ContentValidationException($"{where} needs mgPerUnit, the elemental magnesium in one unit in mg (above 0, at most 1000).");
        var source = ContentCatalog.Req(product, "source", file, where);
        if (!sourceExists(source))
            throw new ContentValidationException($"{where} cites source '{source}', which sources.yaml does not define.");
        return new DrugName(canonical, brand, classId, IsLayTerm: false, form, SaltLabel: false) { LabelMgPerUnit = mg };
    }

    private static IEnumerable<YamlMappingNode> OptionalSeq(YamlMappingNode node, string key, string file) =>
        node.Children.ContainsKey(new YamlScalarNode(key)) ? ContentCatalog.Seq(node, key, file) : [];

    private static List<string> Strings(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var v) && v is YamlSequenceNode seq
            ? [.. seq.Children.OfType<YamlScalarNode>().Select(s => s.Value ?? string.Empty).Where(s => s.Length > 0)]
            : [];
}
