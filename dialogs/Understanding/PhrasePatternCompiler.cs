using System.Text.RegularExpressions;
using MagBot.Dialogs.Knowledge;
using YamlDotNet.RepresentationModel;

namespace MagBot.Dialogs.Understanding;

/// <summary>
/// Compiles the phrase patterns of a rules file. A pattern is a .NET regular expression over
/// <see cref="PhraseText"/>-normalized text with two additions that keep the files readable:
/// <c>{term}</c> stands for a named list of alternatives (terms may use other terms), and a lone
/// <c>~</c> allows up to four words in between ("worst ~ headache" matches "worst ever migraine
/// headache"). Each pattern is matched on whole words. Patterns run with
/// <see cref="RegexOptions.NonBacktracking"/>, so no pattern can take more than linear time on a long message;
/// <see cref="PatternEngine.Backtracking"/> builds the same patterns cheaply for trusted text (see <see cref="PatternEngine"/>).
/// </summary>
public sealed partial class PhrasePatternCompiler(IReadOnlyDictionary<string, string> terms, string file, PatternEngine engine = PatternEngine.NonBacktracking)
{
    /// <summary>How long one backtracking match may run before it gives up (a <see cref="RegexMatchTimeoutException"/>).</summary>
    public static readonly TimeSpan BacktrackingTimeout = TimeSpan.FromMilliseconds(250);

    private const string Gap = "(?: [\\w.]+){0,4} "; // words or sentence breaks: "Worst. Headache. Ever."
    private const int MaxTermDepth = 6;

    /// <summary>Reads a <c>terms:</c> mapping (name → list of alternatives) from a rules file.</summary>
    public static Dictionary<string, string> ReadTerms(YamlMappingNode root, string file)
    {
        var terms = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!root.Children.TryGetValue(new YamlScalarNode("terms"), out var node)) return terms;
        if (node is not YamlMappingNode map) throw new ContentValidationException($"{file}: 'terms' must be a mapping of name to a list of alternatives.");
        foreach (var (k, v) in map.Children)
        {
            var name = ((YamlScalarNode)k).Value ?? string.Empty;
            var alternatives = v is YamlSequenceNode seq
                ? seq.Children.OfType<YamlScalarNode>().Select(s => s.Value ?? string.Empty).Where(s => s.Length > 0).ToList()
                : throw new ContentValidationException($"{file}: term '{name}' must be a list of alternatives.");
            if (alternatives.Count == 0) throw new ContentValidationException($"{file}: term '{name}' has no alternatives.");
            terms[name] = string.Join("|", alternatives);
        }
        return terms;
    }

    /// <summary>Compiles one pattern; <paramref name="owner"/> names the rule in error messages.</summary>
    public Regex Compile(string pattern, string owner)
    {
        var expanded = Expand(pattern, owner, 0).Replace(" ~ ", Gap, StringComparison.Ordinal);
        try
        {
            return engine == PatternEngine.Backtracking
                ? new Regex($@"\b(?:{expanded})\b", RegexOptions.CultureInvariant, BacktrackingTimeout)
                : new Regex($@"\b(?:{expanded})\b", RegexOptions.NonBacktracking | RegexOptions.CultureInvariant);
        }
        catch (ArgumentException e)
        {
            throw new ContentValidationException($"{file}: rule '{owner}' has a pattern that is not a valid regular expression ('{pattern}'): {e.Message}");
        }
    }

    /// <summary>Reads a rule's <c>when</c> list: each item is a pattern, or <c>all: [patterns]</c> that must all occur.</summary>
    public IReadOnlyList<IReadOnlyList<Regex>> CompileWhen(YamlMappingNode rule, string owner)
    {
        if (!rule.Children.TryGetValue(new YamlScalarNode("when"), out var node) || node is not YamlSequenceNode seq || seq.Children.Count == 0)
            throw new ContentValidationException($"{file}: rule '{owner}' needs a non-empty 'when' list.");
        var alternatives = new List<IReadOnlyList<Regex>>();
        foreach (var item in seq.Children)
        {
            alternatives.Add(item switch
            {
                YamlScalarNode s => [Compile(s.Value ?? string.Empty, owner)],
                YamlMappingNode m when m.Children.TryGetValue(new YamlScalarNode("all"), out var all) && all is YamlSequenceNode parts =>
                    [.. parts.Children.OfType<YamlScalarNode>().Select(p => Compile(p.Value ?? string.Empty, owner))],
                _ => throw new ContentValidationException($"{file}: rule '{owner}': each 'when' item is a pattern or 'all: [patterns]'."),
            });
        }
        return alternatives;
    }

    /// <summary>Compiles an optional list of patterns (<c>unless</c>, <c>mask</c>).</summary>
    public IReadOnlyList<Regex> CompileList(YamlMappingNode node, string key, string owner) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var list) && list is YamlSequenceNode seq
            ? [.. seq.Children.OfType<YamlScalarNode>().Select(s => Compile(s.Value ?? string.Empty, owner))]
            : [];

    private string Expand(string pattern, string owner, int depth)
    {
        if (string.IsNullOrWhiteSpace(pattern)) throw new ContentValidationException($"{file}: rule '{owner}' has an empty pattern.");
        if (depth > MaxTermDepth) throw new ContentValidationException($"{file}: rule '{owner}': terms nest more than {MaxTermDepth} deep (a term probably refers to itself).");
        return TermReference().Replace(pattern, m =>
        {
            var name = m.Groups[1].Value;
            return terms.TryGetValue(name, out var alternatives)
                ? "(?:" + Expand(alternatives, owner, depth + 1) + ")"
                : throw new ContentValidationException($"{file}: rule '{owner}' uses term '{{{name}}}', which 'terms' does not define.");
        });
    }

    // {name} with a letter first: regex quantifiers such as {0,4} are left alone.
    [GeneratedRegex(@"\{([a-z][a-z0-9_-]*)\}")]
    private static partial Regex TermReference();
}
