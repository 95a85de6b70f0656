using MagBot.Dialogs.Understanding;
using YamlDotNet.RepresentationModel;

namespace MagBot.Dialogs.Knowledge;

/// <summary>
/// Claims MagBot must never make, from <c>forbidden-claims.yaml</c> (<c>kind: forbidden-claims</c>):
/// that magnesium cures fibromyalgia or migraine, that a combination is safe, a personal dose
/// ("you should take 400 mg"). <see cref="ContentCatalog"/> checks every content text and every
/// configured override against them at start-up, so neither a content edit nor a clinic's
/// configuration can add one. Each sentence is checked on its own; a negated claim ("magnesium is
/// not a cure for migraine") is allowed.
/// The claims only ever read MagBot's own content and its operator's configuration, never what a user types, so
/// they are built for the backtracking interpreter (<see cref="PatternEngine.Backtracking"/>, with a match timeout):
/// the same matches, built in milliseconds instead of the better part of a second at every start.
/// </summary>
public sealed class ForbiddenClaims
{
    public const string FileName = "forbidden-claims.yaml";
    public const string Kind = "forbidden-claims";

    private readonly IReadOnlyList<(PhraseRule Rule, string Why)> _claims;
    // The same claims for the linear-time engine, built only if a text ever makes the interpreter time out (a busy
    // machine can pause a thread that long): the check then still gives its answer instead of failing start-up.
    private readonly Lazy<ForbiddenClaims>? _linear;

    private ForbiddenClaims(IReadOnlyList<(PhraseRule Rule, string Why)> claims, Lazy<ForbiddenClaims>? linear)
    {
        _claims = claims;
        _linear = linear;
    }

    private static readonly Lazy<ForbiddenClaims> EmbeddedClaims = new(() =>
        Load(FileName, ContentCatalog.ParseHeader(FileName, ContentCatalog.ReadResource(FileName))));

    public static ForbiddenClaims Embedded => EmbeddedClaims.Value;

    public int Count => _claims.Count;

    public static ForbiddenClaims Load(string file, YamlMappingNode root, PatternEngine engine = PatternEngine.Backtracking)
    {
        var compiler = new PhrasePatternCompiler(PhrasePatternCompiler.ReadTerms(root, file), file, engine);
        var claims = ContentCatalog.Seq(root, "claims", file).Select(c =>
        {
            var id = ContentCatalog.Req(c, "id", file, "a claim");
            var why = ContentCatalog.Req(c, "why", file, id);
            var rule = new PhraseRule(id, compiler.CompileWhen(c, id), compiler.CompileList(c, "unless", id), compiler.CompileList(c, "mask", id), negatable: true);
            return (rule, why);
        }).ToList();
        return new ForbiddenClaims(claims, engine == PatternEngine.Backtracking ? new(() => Load(file, root, PatternEngine.NonBacktracking)) : null);
    }

    /// <summary>The first forbidden claim <paramref name="text"/> makes, or null.</summary>
    public ForbiddenClaim? Find(string? text)
    {
        try
        {
            return FindIn(text);
        }
        catch (System.Text.RegularExpressions.RegexMatchTimeoutException) when (_linear is not null)
        {
            return _linear.Value.Find(text);
        }
    }

    /// <summary>The check on the engine the claims were built for, without the fallback (tests show it times out).</summary>
    internal ForbiddenClaim? FindIn(string? text)
    {
        foreach (var sentence in PhraseText.Sentences(PhraseText.Normalize(text)))
        {
            foreach (var (rule, why) in _claims)
            {
                if (rule.Matches(sentence)) return new ForbiddenClaim(rule.Id, why, sentence.Trim());
            }
        }
        return null;
    }
}

/// <summary>A forbidden claim found in a text: which rule, why it is forbidden, and the sentence.</summary>
public sealed record ForbiddenClaim(string Id, string Why, string Sentence);
