using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace MagBot.Dialogs.Knowledge;

/// <summary>
/// Everything MagBot says, loaded from the YAML files under <c>Knowledge/Content</c> (embedded in the
/// assembly) and validated once at start-up. Code refers to wording by key; a clinic may override
/// any key's wording through configuration (<c>Content:Overrides:&lt;key&gt;</c>) without recompiling.
/// </summary>
/// <remarks>
/// Files carry <c>schemaVersion: 1</c> and <c>kind</c>: <c>responses</c> (conversational wording),
/// <c>facts</c> (health statements: each entry needs <c>sources</c> and <c>reviewed</c>), or
/// <c>sources</c>. Other structured files (foods, medicines, red flags) have loaders of their own
/// that use <see cref="Source(string)"/> to check their citations.
/// </remarks>
public sealed partial class ContentCatalog
{
    public const int SchemaVersion = 1;
    private const string ResourcePrefix = "MagBot.Content.";

    private readonly Dictionary<string, ContentEntry> _entries;
    private readonly Dictionary<string, ContentSource> _sources;
    private readonly Dictionary<string, string> _overrides;

    private ContentCatalog(Dictionary<string, ContentEntry> entries, Dictionary<string, ContentSource> sources, Dictionary<string, string> overrides)
    {
        _entries = entries;
        _sources = sources;
        _overrides = overrides;
    }

    public IReadOnlyCollection<ContentEntry> Entries => _entries.Values;
    public IReadOnlyCollection<ContentSource> Sources => _sources.Values;

    /// <summary>The names of the embedded content files (for loaders of structured files).</summary>
    public static IEnumerable<string> ResourceNames() =>
        typeof(ContentCatalog).Assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal));

    /// <summary>Reads one embedded content file by its file name (e.g. <c>foods.yaml</c>).</summary>
    public static string ReadResource(string fileName)
    {
        using var stream = typeof(ContentCatalog).Assembly.GetManifestResourceStream(ResourcePrefix + fileName)
            ?? throw new ContentValidationException($"Content file '{fileName}' is not embedded. Put it under dialogs/Knowledge/Content/.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    // The embedded files cannot change while the process runs, so they are parsed and validated once per process
    // (the service, the red-flag rules and every bot a test builds share it); overrides are checked per call.
    private static readonly Lazy<(ContentCatalog Catalog, ForbiddenClaims Claims)> Embedded = new(() =>
    {
        var files = ResourceNames()
            .Select(n => (Name: n[ResourcePrefix.Length..], Text: ReadResource(n[ResourcePrefix.Length..])))
            .ToList();
        return LoadWithClaims(files);
    });

    /// <summary>Loads and validates the embedded content, applying <paramref name="overrides"/> (key → wording).</summary>
    public static ContentCatalog LoadEmbedded(IReadOnlyDictionary<string, string>? overrides = null) => WithOverrides(Embedded.Value, overrides);

    /// <summary>Loads and validates content from (file name, YAML text) pairs. Files whose kind is not
    /// responses, facts or sources are left to their own loaders.</summary>
    public static ContentCatalog Load(IEnumerable<(string Name, string Text)> files, IReadOnlyDictionary<string, string>? overrides = null) =>
        WithOverrides(LoadWithClaims(files), overrides);

    private static ContentCatalog WithOverrides((ContentCatalog Catalog, ForbiddenClaims Claims) loaded, IReadOnlyDictionary<string, string>? overrides) =>
        overrides is null || overrides.Count == 0
            ? loaded.Catalog
            : new ContentCatalog(loaded.Catalog._entries, loaded.Catalog._sources, CheckOverrides(overrides, loaded.Catalog._entries, loaded.Claims));

    private static (ContentCatalog Catalog, ForbiddenClaims Claims) LoadWithClaims(IEnumerable<(string Name, string Text)> files)
    {
        var entries = new Dictionary<string, ContentEntry>(StringComparer.Ordinal);
        var sources = new Dictionary<string, ContentSource>(StringComparer.Ordinal);
        var parsed = files.Select(f => (f.Name, Root: ParseHeader(f.Name, f.Text))).ToList();

        foreach (var (name, root) in parsed.Where(p => Kind(p.Root) == "sources"))
        {
            foreach (var item in Seq(root, "sources", name))
            {
                var id = Req(item, "id", name, "a source");
                var source = new ContentSource(id, Req(item, "title", name, id), Req(item, "publisher", name, id),
                    Opt(item, "url"), Opt(item, "citation"), Date(item, "accessed", name, id));
                if (!sources.TryAdd(id, source))
                    throw new ContentValidationException($"{name}: source '{id}' is defined twice.");
            }
        }

        foreach (var (name, root) in parsed.Where(p => Kind(p.Root) is "responses" or "facts"))
        {
            var facts = Kind(root) == "facts";
            foreach (var item in Seq(root, "entries", name))
            {
                var key = Req(item, "key", name, "an entry");
                var text = Req(item, "text", name, key).Trim();
                var cited = item.Children.TryGetValue(new YamlScalarNode("sources"), out var s) && s is YamlSequenceNode seq
                    ? seq.Children.OfType<YamlScalarNode>().Select(c => c.Value ?? string.Empty).ToList()
                    : [];
                var reviewed = Date(item, "reviewed", name, key);
                if (facts && cited.Count == 0)
                    throw new ContentValidationException($"{name}: fact '{key}' has no sources. Every health statement needs at least one source id from sources.yaml.");
                if (facts && reviewed is null)
                    throw new ContentValidationException($"{name}: fact '{key}' has no 'reviewed' date (YYYY-MM-DD).");
                foreach (var id in cited.Where(id => !sources.ContainsKey(id)))
                    throw new ContentValidationException($"{name}: entry '{key}' cites source '{id}', which sources.yaml does not define.");
                if (!entries.TryAdd(key, new ContentEntry(key, text, cited, reviewed, name)))
                    throw new ContentValidationException($"{name}: key '{key}' is defined twice (also in {entries[key].File}).");
            }
        }

        var claims = parsed.Where(p => Kind(p.Root) == ForbiddenClaims.Kind).Select(p => ForbiddenClaims.Load(p.Name, p.Root)).FirstOrDefault()
            ?? ForbiddenClaims.Embedded;
        CheckClaims(claims, entries.Values, parsed);
        return (new ContentCatalog(entries, sources, new Dictionary<string, string>(StringComparer.Ordinal)), claims);
    }

    private static Dictionary<string, string> CheckOverrides(IReadOnlyDictionary<string, string> overrides, Dictionary<string, ContentEntry> entries, ForbiddenClaims claims)
    {
        var checkedOverrides = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, text) in overrides)
        {
            if (!entries.ContainsKey(key))
                throw new ContentValidationException($"Configuration Content:Overrides:{key} overrides a key that does not exist.");
            if (entries[key].IsFact)
                throw new ContentValidationException($"Configuration Content:Overrides:{key} would change a sourced health fact; only conversational wording may be overridden.");
            if (claims.Find(text) is { } claim)
                throw new ContentValidationException($"Configuration Content:Overrides:{key} makes a claim MagBot must not make ({claim.Id}: {claim.Why}) in \"{claim.Sentence}\".");
            checkedOverrides[key] = text;
        }
        return checkedOverrides;
    }

    /// <summary>Fails when any entry, or any text in a structured content file (foods, medicines…), makes a forbidden claim.
    /// Rule files (red flags, forbidden claims) hold patterns, not statements, and are skipped.</summary>
    private static void CheckClaims(ForbiddenClaims claims, IEnumerable<ContentEntry> entries, IEnumerable<(string Name, YamlMappingNode Root)> files)
    {
        foreach (var entry in entries)
        {
            if (claims.Find(entry.Text) is { } claim)
                throw new ContentValidationException($"{entry.File}: '{entry.Key}' makes a claim MagBot must not make ({claim.Id}: {claim.Why}) in \"{claim.Sentence}\".");
        }
        foreach (var (name, root) in files.Where(f => Kind(f.Root) is not ("responses" or "facts" or "sources" or ForbiddenClaims.Kind or "red-flags")))
        {
            foreach (var text in Scalars(root))
            {
                if (claims.Find(text) is { } claim)
                    throw new ContentValidationException($"{name}: makes a claim MagBot must not make ({claim.Id}: {claim.Why}) in \"{claim.Sentence}\".");
            }
        }
    }

    /// <summary>Every scalar value under <paramref name="node"/> (keys excluded).</summary>
    internal static IEnumerable<string> Scalars(YamlNode node) => node switch
    {
        YamlScalarNode s => s.Value is { Length: > 0 } v ? [v] : [],
        YamlSequenceNode seq => seq.Children.SelectMany(Scalars),
        YamlMappingNode map => map.Children.Values.SelectMany(Scalars),
        _ => [],
    };

    public bool Contains(string key) => _entries.ContainsKey(key);

    public ContentEntry Entry(string key) =>
        _entries.TryGetValue(key, out var e) ? e
        : throw new KeyNotFoundException($"No content entry '{key}'. Add it to a YAML file under dialogs/Knowledge/Content/.");

    public ContentSource Source(string id) =>
        _sources.TryGetValue(id, out var s) ? s
        : throw new KeyNotFoundException($"No source '{id}'. Add it to dialogs/Knowledge/Content/sources.yaml.");

    public bool HasSource(string id) => _sources.ContainsKey(id);

    /// <summary>The wording of <paramref name="key"/> with <c>{name}</c> placeholders filled from <paramref name="args"/>.
    /// Placeholders with no value are left out, so a missing clinic phone never shows as "{phone}".</summary>
    public string Text(string key, IReadOnlyDictionary<string, string?>? args = null)
    {
        var text = _overrides.TryGetValue(key, out var o) ? o : Entry(key).Text;
        if (args is null || !text.Contains('{')) return text;
        return Placeholder().Replace(text, m => args.TryGetValue(m.Groups[1].Value, out var v) && v is not null ? v : string.Empty);
    }

    [GeneratedRegex(@"\{([a-zA-Z][a-zA-Z0-9_.]*)\}")]
    private static partial Regex Placeholder();

    /// <summary>The header every structured content file (foods, rda, medications, conditions) shares:
    /// <c>schemaVersion</c>, the expected <c>kind</c>, and a file-level <c>reviewed</c> date.</summary>
    internal static (YamlMappingNode Root, DateOnly Reviewed) ParseStructured(string file, string yaml, string kind)
    {
        var root = ParseHeader(file, yaml);
        var actual = Opt(root, "kind");
        if (actual != kind)
            throw new ContentValidationException($"{file}: kind is '{actual ?? "missing"}'; expected 'kind: {kind}'.");
        var reviewed = Date(root, "reviewed", file, "the file")
            ?? throw new ContentValidationException($"{file}: has no 'reviewed' date (YYYY-MM-DD) at the top.");
        return (root, reviewed);
    }

    internal static YamlMappingNode ParseHeader(string name, string text)
    {
        var stream = new YamlStream();
        try { stream.Load(new StringReader(text)); }
        catch (YamlDotNet.Core.YamlException e) { throw new ContentValidationException($"{name}: not valid YAML at line {e.Start.Line}: {e.Message}"); }
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
            throw new ContentValidationException($"{name}: expected a mapping with schemaVersion and kind at the top.");
        var version = Opt(root, "schemaVersion");
        if (version != SchemaVersion.ToString(CultureInfo.InvariantCulture))
            throw new ContentValidationException($"{name}: schemaVersion is '{version ?? "missing"}'; this build reads schemaVersion {SchemaVersion}.");
        return root;
    }

    private static string Kind(YamlMappingNode root) => Opt(root, "kind") ?? string.Empty;

    internal static IEnumerable<YamlMappingNode> Seq(YamlMappingNode root, string key, string file) =>
        root.Children.TryGetValue(new YamlScalarNode(key), out var node) && node is YamlSequenceNode seq
            ? seq.Children.Select((c, i) => c as YamlMappingNode ?? throw new ContentValidationException($"{file}: item {i + 1} of '{key}' is not a mapping."))
            : throw new ContentValidationException($"{file}: missing the list '{key}'.");

    internal static string? Opt(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var v) && v is YamlScalarNode s ? s.Value : null;

    internal static string Req(YamlMappingNode node, string key, string file, string entry) =>
        Opt(node, key) is { Length: > 0 } v ? v : throw new ContentValidationException($"{file}: {entry} has no '{key}'.");

    internal static DateOnly? Date(YamlMappingNode node, string key, string file, string entry)
    {
        var v = Opt(node, key);
        if (v is null) return null;
        return DateOnly.TryParseExact(v, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? d : throw new ContentValidationException($"{file}: {entry} has '{key}: {v}', which is not a YYYY-MM-DD date.");
    }
}
