namespace MagBot.Dialogs.Knowledge;

/// <summary>
/// The questions each fact answers (<c>fact-questions.yaml</c>, <c>kind: fact-questions</c>), plus general questions
/// a topic's overview answers and specific questions no fact answers. Validated at start-up: every key must be a fact
/// in the content (or <see cref="DoseKey"/>), every fact question must be written once.
/// </summary>
public sealed class FactQuestions
{
    public const string FileName = "fact-questions.yaml";

    /// <summary>"Is N mg a day OK?": one kind of question answered by <see cref="DoseAboveKey"/> or <see cref="DoseWithinKey"/>, by the dose.</summary>
    public const string DoseKey = "stated-dose";
    public const string DoseAboveKey = "amounts.dose.above";
    public const string DoseWithinKey = "amounts.dose.within";

    /// <summary>The dose facts worded for a stated age ("… at age 7") end in this.</summary>
    public const string ByAgeSuffix = ".age";

    private FactQuestions(IReadOnlyDictionary<string, IReadOnlyList<string>> byFact, IReadOnlyDictionary<string, string> topics, IReadOnlyList<string> overview, IReadOnlyList<string> unanswered,
        IReadOnlyDictionary<string, string> factText)
    {
        FactText = factText;
        ByFact = byFact;
        TopicOf = topics;
        Overview = overview;
        Unanswered = unanswered;
    }

    /// <summary>Fact key (or <see cref="DoseKey"/>) → the questions it answers, in file order.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> ByFact { get; }

    /// <summary>Fact key → the intent of the topic it belongs to (so understanding can weigh facts by the topic asked about).</summary>
    public IReadOnlyDictionary<string, string> TopicOf { get; }

    /// <summary>Fact key → the fact's reviewed text (people ask in the words of the answer: "do bones hold magnesium?").</summary>
    public IReadOnlyDictionary<string, string> FactText { get; }

    /// <summary>General questions about a whole topic: its overview answers them.</summary>
    public IReadOnlyList<string> Overview { get; }

    /// <summary>Specific questions no fact answers: the bot should say it does not know.</summary>
    public IReadOnlyList<string> Unanswered { get; }

    public static FactQuestions LoadEmbedded(ContentCatalog content) => Load(FileName, ContentCatalog.ReadResource(FileName), content);

    public static FactQuestions Load(string file, string yaml, ContentCatalog content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var (root, _) = ContentCatalog.ParseStructured(file, yaml, "fact-questions");
        var byFact = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        var topics = new Dictionary<string, string>(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var factText = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var item in ContentCatalog.Seq(root, "facts", file))
        {
            var key = ContentCatalog.Req(item, "key", file, "a fact entry");
            if (key != DoseKey && !(content.Contains(key) && content.Entry(key).IsFact))
                throw new ContentValidationException($"{file}: '{key}' is not a fact in the content files.");
            if (byFact.ContainsKey(key))
                throw new ContentValidationException($"{file}: '{key}' is listed twice; put all its questions under one entry.");
            var questions = Questions(item, "questions", file, key, seen);
            if (questions.Count == 0)
                throw new ContentValidationException($"{file}: '{key}' has no questions.");
            byFact[key] = questions;
            topics[key] = ContentCatalog.Req(item, "topic", file, key);
            if (key != DoseKey) factText[key] = content.Entry(key).Text;
        }
        return new FactQuestions(byFact, topics, Questions(root, "overview", file, "overview", seen), Questions(root, "unanswered", file, "unanswered", seen), factText);
    }

    private static List<string> Questions(YamlDotNet.RepresentationModel.YamlMappingNode node, string name, string file, string entry, HashSet<string> seen)
    {
        if (!node.Children.TryGetValue(new YamlDotNet.RepresentationModel.YamlScalarNode(name), out var list)) return [];
        var questions = ContentCatalog.Scalars(list).Select(q => q.Trim()).Where(q => q.Length > 0).ToList();
        foreach (var q in questions)
        {
            if (!seen.Add(string.Join(' ', q.ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries))))
                throw new ContentValidationException($"{file}: the question '{q}' (under {entry}) appears more than once; each question teaches one answer.");
        }
        return questions;
    }
}
