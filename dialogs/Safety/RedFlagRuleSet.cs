using MagBot.Dialogs.Knowledge;
using MagBot.Dialogs.Understanding;
using YamlDotNet.RepresentationModel;

namespace MagBot.Dialogs.Safety;

/// <summary>
/// The red-flag rules, loaded from <c>Knowledge/Content/red-flags.yaml</c> (<c>kind: red-flags</c>) and
/// checked against the content catalog: every rule's sources exist in sources.yaml and every category's
/// reply is a sourced fact. A mistake in the file fails start-up with the file and rule named.
/// </summary>
public sealed class RedFlagRuleSet
{
    public const string FileName = "red-flags.yaml";
    public const string Kind = "red-flags";

    private RedFlagRuleSet(IReadOnlyList<RedFlagCategory> categories, IReadOnlyList<RedFlagRule> rules,
        IReadOnlyList<RedFlagDecision> decisions, SpellingCorrector spelling, IReadOnlyList<System.Text.RegularExpressions.Regex> globalMask)
    {
        Categories = categories;
        Rules = rules;
        Decisions = decisions;
        Spelling = spelling;
        GlobalMask = globalMask;
        _prefilter = new RedFlagPrefilter(rules);
    }

    private readonly RedFlagPrefilter _prefilter;

    public IReadOnlyList<RedFlagCategory> Categories { get; }
    public IReadOnlyList<RedFlagRule> Rules { get; }
    public IReadOnlyList<RedFlagDecision> Decisions { get; }
    public SpellingCorrector Spelling { get; }
    public IReadOnlyList<System.Text.RegularExpressions.Regex> GlobalMask { get; }

    private static readonly Lazy<RedFlagRuleSet> EmbeddedRules = new(() => Load(ContentCatalog.ReadResource(FileName), ContentCatalog.LoadEmbedded()));

    /// <summary>The embedded rules, compiled once per process (the file cannot change while it runs).</summary>
    public static RedFlagRuleSet Embedded => EmbeddedRules.Value;

    /// <summary>The text the rules look at: normalized, spelling repaired, idioms masked.</summary>
    public string Prepare(string? text)
    {
        var prepared = Spelling.Correct(PhraseText.Normalize(text));
        foreach (var m in GlobalMask) prepared = m.Replace(prepared, " ");
        return prepared;
    }

    /// <summary>Every rule that matches <paramref name="text"/>, most urgent category first. Rules that cannot match
    /// are ruled out first, all together (<see cref="RedFlagPrefilter"/>); the rest are judged in full.</summary>
    public IReadOnlyList<RedFlagRule> Match(string? text)
    {
        var prepared = Prepare(text);
        if (prepared.AsSpan().Trim().IsEmpty) return [];
        var candidates = _prefilter.Candidates(prepared);
        return candidates.Count == 0 ? [] : [.. candidates.Where(r => r.Phrases.Matches(prepared)).OrderBy(r => r.Category.Priority)];
    }

    /// <summary>The reference <see cref="Match"/> is tested against: every rule judged in full, none ruled out first.</summary>
    internal IReadOnlyList<RedFlagRule> MatchEveryRule(string? text)
    {
        var prepared = Prepare(text);
        if (prepared.Trim().Length == 0) return [];
        return [.. Rules.Where(r => r.Phrases.Matches(prepared)).OrderBy(r => r.Category.Priority)];
    }

    /// <summary>How many alternations every message is scanned with before any rule is judged in full.</summary>
    internal int PrefilterPasses => _prefilter.GroupCount;

    /// <summary>The rules <see cref="Match"/> judges in full for <paramref name="text"/> (for tests: most messages need none).</summary>
    internal IReadOnlyList<RedFlagRule> Candidates(string? text) => _prefilter.Candidates(Prepare(text));

    /// <summary>Loads and validates the rules from <paramref name="yaml"/>, checking citations against <paramref name="content"/>;
    /// <paramref name="engine"/> is the regular-expression engine the patterns are built for (see <see cref="PatternEngine"/>).</summary>
    public static RedFlagRuleSet Load(string yaml, ContentCatalog content, PatternEngine engine = PatternEngine.NonBacktracking)
    {
        const string file = FileName;
        var root = ContentCatalog.ParseHeader(file, yaml);
        if (ContentCatalog.Opt(root, "kind") != Kind)
            throw new ContentValidationException($"{file}: kind must be '{Kind}'.");

        var categories = ContentCatalog.Seq(root, "categories", file).Select((c, i) =>
        {
            var name = ContentCatalog.Req(c, "name", file, "a category");
            var reply = ContentCatalog.Req(c, "reply", file, name);
            if (!content.Contains(reply))
                throw new ContentValidationException($"{file}: category '{name}' replies with '{reply}', which no content file defines.");
            if (!content.Entry(reply).IsFact)
                throw new ContentValidationException($"{file}: category '{name}' replies with '{reply}', which must be a fact with sources (kind: facts).");
            return new RedFlagCategory(name, reply, i);
        }).ToDictionary(c => c.Name, StringComparer.Ordinal);

        var compiler = new PhrasePatternCompiler(PhrasePatternCompiler.ReadTerms(root, file), file, engine);
        var spelling = new SpellingCorrector(ReadVariants(root, file), ReadList(root, "vocabulary"));
        var globalMask = compiler.CompileList(root, "mask", "(top-level mask)");

        var ids = new HashSet<string>(StringComparer.Ordinal);
        var rules = ContentCatalog.Seq(root, "rules", file).Select(r =>
        {
            var id = ContentCatalog.Req(r, "id", file, "a rule");
            if (!ids.Add(id)) throw new ContentValidationException($"{file}: rule id '{id}' is used twice.");
            var categoryName = ContentCatalog.Req(r, "category", file, id);
            if (!categories.TryGetValue(categoryName, out var category))
                throw new ContentValidationException($"{file}: rule '{id}' has category '{categoryName}', which 'categories' does not list.");
            var sources = ReadList(r, "sources");
            if (sources.Count == 0) throw new ContentValidationException($"{file}: rule '{id}' has no sources. Every red flag needs a source id from sources.yaml.");
            foreach (var s in sources.Where(s => !content.HasSource(s)))
                throw new ContentValidationException($"{file}: rule '{id}' cites source '{s}', which sources.yaml does not define.");
            var negatable = ContentCatalog.Opt(r, "negation") is not "false";
            var phrases = new PhraseRule(id, compiler.CompileWhen(r, id), compiler.CompileList(r, "unless", id), compiler.CompileList(r, "mask", id), negatable);
            return new RedFlagRule(phrases, category, sources);
        }).ToList();

        var decisions = root.Children.ContainsKey(new YamlScalarNode("decisions"))
            ? ContentCatalog.Seq(root, "decisions", file).Select(d =>
            {
                var phrase = ContentCatalog.Req(d, "phrase", file, "a decision");
                var alarm = ContentCatalog.Req(d, "alarm", file, phrase);
                if (alarm != "no" && !categories.ContainsKey(alarm))
                    throw new ContentValidationException($"{file}: decision '{phrase}' has alarm '{alarm}': use 'no' or a category name.");
                return new RedFlagDecision(phrase, alarm == "no" ? null : alarm, ContentCatalog.Req(d, "why", file, phrase));
            }).ToList()
            : [];

        return new RedFlagRuleSet([.. categories.Values.OrderBy(c => c.Priority)], rules, decisions, spelling, globalMask);
    }

    private static List<string> ReadList(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var v) && v is YamlSequenceNode seq
            ? [.. seq.Children.OfType<YamlScalarNode>().Select(s => s.Value ?? string.Empty).Where(s => s.Length > 0)]
            : [];

    private static Dictionary<string, string> ReadVariants(YamlMappingNode root, string file)
    {
        var variants = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!root.Children.TryGetValue(new YamlScalarNode("spellings"), out var node)) return variants;
        if (node is not YamlMappingNode map) throw new ContentValidationException($"{file}: 'spellings' must map the right word to a list of variants.");
        foreach (var (k, v) in map.Children)
        {
            var right = ((YamlScalarNode)k).Value ?? string.Empty;
            foreach (var variant in (v as YamlSequenceNode)?.Children.OfType<YamlScalarNode>() ?? [])
                variants[variant.Value ?? string.Empty] = right;
        }
        return variants;
    }
}
