using System.Reflection;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace MagBot.Dialogs.Understanding.Labelled;

/// <summary>
/// A labelled-data file a clinician can review, in the spirit of Rasa's <c>nlu.yml</c>:
/// <code>
/// version: 1
/// intents:
///   - intent: migraine
///     examples:
///       - does mag help my migraines
/// medications:
///   - text: norvasc and hctz
///     expect: [amlodipine, hydrochlorothiazide]
/// answers:
///   - text: does the magnesium in my multivitamin count toward the limit
///     expect: [amounts.ul]        # fact keys that answer it; [] when no fact does
/// </code>
/// Any section may be absent. Every problem is reported with the file name and line.
/// </summary>
public sealed class NluDataFile
{
    public const int SupportedVersion = 1;
    public const string TrainingResourceName = "MagBot.Understanding.nlu.train.yaml";

    private NluDataFile(string name, IReadOnlyList<LabelledUtterance> utterances, IReadOnlyList<LabelledMedicationMessage> medications,
        IReadOnlyDictionary<string, IReadOnlyList<string>> cues, IReadOnlyList<LabelledQuestion> questions)
    {
        Name = name;
        Utterances = utterances;
        Medications = medications;
        Cues = cues;
        Questions = questions;
    }

    /// <summary>Specific questions labelled with the facts that answer them (the <c>answers:</c> section).</summary>
    public IReadOnlyList<LabelledQuestion> Questions { get; }

    public string Name { get; }
    public IReadOnlyList<LabelledUtterance> Utterances { get; }
    public IReadOnlyList<LabelledMedicationMessage> Medications { get; }

    /// <summary>Words and phrases that point to an intent (see <see cref="Classification.IntentCues"/>); training files only.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Cues { get; }

    /// <summary>The training split embedded in MagBot.Dialogs (dialogs/Understanding/Data/nlu.train.yaml).</summary>
    public static NluDataFile LoadTraining()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(TrainingResourceName)
            ?? throw new InvalidOperationException($"Embedded resource '{TrainingResourceName}' is missing; check the EmbeddedResource item in MagBot.Dialogs.csproj.");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd(), "nlu.train.yaml");
    }

    public static NluDataFile Load(string path)
    {
        if (!System.IO.File.Exists(path)) throw new NluDataException(path, 0, "file not found.");
        return Parse(System.IO.File.ReadAllText(path), path);
    }

    public static NluDataFile Parse(string yaml, string name)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException ex)
        {
            throw new NluDataException(name, (int)ex.Start.Line, "not valid YAML: " + ex.Message);
        }
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
            throw new NluDataException(name, 1, "expected a mapping with 'version' and 'intents' and/or 'medications'.");

        var reader = new Reader(name);
        var version = reader.Scalar(root, "version", required: true);
        if (version != SupportedVersion.ToString(System.Globalization.CultureInfo.InvariantCulture))
            throw new NluDataException(name, Line(root), $"version '{version}' is not supported; this MagBot reads version {SupportedVersion}.");
        reader.OnlyKeys(root, "version", "cues", "intents", "medications", "answers");

        var cues = reader.Cues(root);
        var utterances = reader.Intents(root);
        var medications = reader.Medications(root);
        var questions = reader.Answers(root);
        if (utterances.Count == 0 && medications.Count == 0 && questions.Count == 0)
            throw new NluDataException(name, Line(root), "the file has no 'intents', 'medications' or 'answers' to evaluate.");
        return new NluDataFile(name, utterances, medications, cues, questions);
    }

    private static int Line(YamlNode node) => (int)node.Start.Line;

    private sealed class Reader(string name)
    {
        private readonly HashSet<string> _seen = new(StringComparer.Ordinal);

        public List<LabelledUtterance> Intents(YamlMappingNode root)
        {
            var list = new List<LabelledUtterance>();
            if (!root.Children.TryGetValue(new YamlScalarNode("intents"), out var node)) return list;
            foreach (var item in Sequence(node, "intents"))
            {
                var group = Mapping(item, "an intent entry");
                OnlyKeys(group, "intent", "examples");
                var intent = Scalar(group, "intent", required: true)!;
                if (!Understanding.Intents.All.Contains(intent))
                    throw new NluDataException(name, Line(group), $"unknown intent '{intent}'; known intents: {string.Join(", ", Understanding.Intents.All)}.");
                if (!group.Children.TryGetValue(new YamlScalarNode("examples"), out var examples))
                    throw new NluDataException(name, Line(group), $"intent '{intent}' has no 'examples'.");
                foreach (var example in Sequence(examples, "examples"))
                {
                    var text = Text(example, "an example");
                    if (!_seen.Add(TextNormalizer.Normalize(text)))
                        throw new NluDataException(name, Line(example), $"'{text}' appears more than once; each example is labelled once.");
                    list.Add(new LabelledUtterance(text, intent, Line(example)));
                }
            }
            return list;
        }

        public Dictionary<string, IReadOnlyList<string>> Cues(YamlMappingNode root)
        {
            var cues = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
            if (!root.Children.TryGetValue(new YamlScalarNode("cues"), out var node)) return cues;
            var map = Mapping(node, "'cues'");
            foreach (var (key, value) in map.Children)
            {
                var intent = Text(key, "an intent name");
                if (!Understanding.Intents.All.Contains(intent))
                    throw new NluDataException(name, Line(key), $"unknown intent '{intent}' in cues; known intents: {string.Join(", ", Understanding.Intents.All)}.");
                cues[intent] = [.. Sequence(value, intent).Select(v => Text(v, "a cue"))];
            }
            return cues;
        }

        public List<LabelledMedicationMessage> Medications(YamlMappingNode root)
        {
            var list = new List<LabelledMedicationMessage>();
            if (!root.Children.TryGetValue(new YamlScalarNode("medications"), out var node)) return list;
            foreach (var item in Sequence(node, "medications"))
            {
                var entry = Mapping(item, "a medication entry");
                OnlyKeys(entry, "text", "expect");
                if (!entry.Children.TryGetValue(new YamlScalarNode("text"), out var textNode))
                    throw new NluDataException(name, Line(entry), "a medication entry needs 'text'.");
                var text = Text(textNode, "'text'");
                if (!entry.Children.TryGetValue(new YamlScalarNode("expect"), out var expectNode))
                    throw new NluDataException(name, Line(entry), "a medication entry needs 'expect' (use [] when the message names no medicine).");
                var expected = Sequence(expectNode, "expect").Select(e => Text(e, "an expected name").Trim().ToLowerInvariant()).Distinct().ToList();
                list.Add(new LabelledMedicationMessage(text, expected, Line(entry)));
            }
            return list;
        }

        public List<LabelledQuestion> Answers(YamlMappingNode root)
        {
            var list = new List<LabelledQuestion>();
            if (!root.Children.TryGetValue(new YamlScalarNode("answers"), out var node)) return list;
            foreach (var item in Sequence(node, "answers"))
            {
                var entry = Mapping(item, "an answers entry");
                OnlyKeys(entry, "text", "expect");
                if (!entry.Children.TryGetValue(new YamlScalarNode("text"), out var textNode))
                    throw new NluDataException(name, Line(entry), "an answers entry needs 'text'.");
                if (!entry.Children.TryGetValue(new YamlScalarNode("expect"), out var expectNode))
                    throw new NluDataException(name, Line(entry), "an answers entry needs 'expect' (fact keys; [] when no fact answers it).");
                var expected = Sequence(expectNode, "expect").Select(e => Text(e, "a fact key").Trim()).Distinct().ToList();
                list.Add(new LabelledQuestion(Text(textNode, "'text'"), expected, Line(entry)));
            }
            return list;
        }

        public string? Scalar(YamlMappingNode map, string key, bool required)
        {
            if (!map.Children.TryGetValue(new YamlScalarNode(key), out var node))
            {
                if (required) throw new NluDataException(name, Line(map), $"'{key}' is missing.");
                return null;
            }
            return Text(node, $"'{key}'");
        }

        public void OnlyKeys(YamlMappingNode map, params string[] keys)
        {
            foreach (var key in map.Children.Keys)
            {
                var k = (key as YamlScalarNode)?.Value;
                if (k is null || !keys.Contains(k))
                    throw new NluDataException(name, Line(key), $"unexpected key '{k}'; expected one of: {string.Join(", ", keys)}.");
            }
        }

        private string Text(YamlNode node, string what)
        {
            if (node is not YamlScalarNode { Value: { } value } || string.IsNullOrWhiteSpace(value))
                throw new NluDataException(name, Line(node), $"{what} must be non-empty text.");
            return value;
        }

        private YamlMappingNode Mapping(YamlNode node, string what) =>
            node as YamlMappingNode ?? throw new NluDataException(name, Line(node), $"{what} must be a mapping (key: value lines).");

        private IEnumerable<YamlNode> Sequence(YamlNode node, string what) =>
            node as YamlSequenceNode ?? throw new NluDataException(name, Line(node), $"'{what}' must be a list ('- ' lines).");
    }
}
