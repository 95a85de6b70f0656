using System.Globalization;
using MagBot.Dialogs.Knowledge;
using MagBot.Dialogs.Understanding;
using YamlDotNet.RepresentationModel;

namespace MagBot.Dialogs.Topics;

/// <summary>
/// The topics, from one table (<c>topic-table.yaml</c>, <c>kind: topics</c>): which dialog answers which intent, the
/// buttons that start them, the main menu in order, and the information topics that <see cref="InfoTopicDialog"/>
/// serves. Validated at start-up: known intents, content keys that exist, follow-ups that are buttons of the table.
/// </summary>
public sealed class TopicCatalog
{
    public const string FileName = "topic-table.yaml";

    private static readonly Lazy<TopicCatalog> EmbeddedTable = new(() => Load(FileName, ContentCatalog.ReadResource(FileName), content: null));

    private readonly List<TopicEntry> _topics;
    private readonly Dictionary<string, string> _dialogByIntent = new(StringComparer.Ordinal);

    /// <summary>An empty catalog (for tests that map their own dialogs).</summary>
    public TopicCatalog() : this([]) { }

    public TopicCatalog(IEnumerable<TopicEntry> topics)
    {
        _topics = [.. topics];
        foreach (var t in _topics) Map(t.Intent, t.Id);
    }

    /// <summary>The embedded table, read once without checking its keys against the content (the catalog in the service
    /// container is the checked one). For code that has no container at hand.</summary>
    public static TopicCatalog Embedded => EmbeddedTable.Value;

    public static TopicCatalog LoadEmbedded(ContentCatalog content) =>
        Load(FileName, ContentCatalog.ReadResource(FileName), content ?? throw new ArgumentNullException(nameof(content)));

    /// <summary>Reads a topic table; with <paramref name="content"/>, also checks that every key it names exists there.</summary>
    public static TopicCatalog Load(string file, string yaml, ContentCatalog? content)
    {
        var (root, _) = ContentCatalog.ParseStructured(file, yaml, "topics");
        var topics = new List<TopicEntry>();
        foreach (var item in ContentCatalog.Seq(root, "topics", file))
        {
            var id = ContentCatalog.Req(item, "id", file, "a topic");
            var menu = ContentCatalog.Opt(item, "menu");
            var topic = new TopicEntry(
                id,
                ContentCatalog.Req(item, "intent", file, id),
                ContentCatalog.Req(item, "button", file, id),
                menu is null ? null : int.TryParse(menu, NumberStyles.None, CultureInfo.InvariantCulture, out var order) && order > 0
                    ? order : throw new ContentValidationException($"{file}: topic '{id}' has 'menu: {menu}', which is not a place in the menu (1, 2, …)."),
                ContentCatalog.Opt(item, "title"),
                Keys(item, "facts"),
                Keys(item, "followUps"));
            Check(topic, topics, file);
            topics.Add(topic);
        }
        if (topics.Count == 0) throw new ContentValidationException($"{file}: the list 'topics' is empty.");
        var buttons = topics.Select(t => t.ButtonKey).ToHashSet(StringComparer.Ordinal);
        foreach (var t in topics)
        {
            foreach (var f in t.FollowUpKeys.Where(f => !buttons.Contains(f)))
                throw new ContentValidationException($"{file}: topic '{t.Id}' offers '{f}' as a follow-up, which is the button of no topic in the table.");
        }
        if (content is not null)
        {
            foreach (var t in topics)
            {
                foreach (var key in new[] { t.ButtonKey, t.TitleKey }.OfType<string>().Concat(t.FactKeys).Where(k => !content.Contains(k)))
                    throw new ContentValidationException($"{file}: topic '{t.Id}' names content key '{key}', which no content file defines.");
            }
        }
        return new TopicCatalog(topics);
    }

    /// <summary>Every topic, in table order.</summary>
    public IReadOnlyList<TopicEntry> Topics => _topics;

    /// <summary>The topics that answer from their facts, each served by an <see cref="InfoTopicDialog"/>.</summary>
    public IEnumerable<TopicEntry> InformationTopics => _topics.Where(t => t.IsInformation);

    /// <summary>Registers <paramref name="dialogId"/> as the answer to <paramref name="intent"/> (the table does this for its
    /// rows; tests map their own dialogs).</summary>
    public TopicCatalog Map(string intent, string dialogId)
    {
        if (!Intents.All.Contains(intent))
            throw new ArgumentException($"'{intent}' is not one of Intents.All.", nameof(intent));
        _dialogByIntent[intent] = dialogId;
        return this;
    }

    public string? DialogFor(string intent) => _dialogByIntent.GetValueOrDefault(intent);

    public IReadOnlyDictionary<string, string> Mappings => _dialogByIntent;

    /// <summary>The main menu, in order: (content key of the button title, intent it starts).</summary>
    public IReadOnlyList<(string TitleKey, string Intent)> Menu =>
        [.. _topics.Where(t => t.MenuOrder is not null).OrderBy(t => t.MenuOrder).Select(t => (t.ButtonKey, t.Intent))];

    /// <summary>Every button title that starts a topic: the menu, then the topics offered only as follow-ups.</summary>
    public IEnumerable<(string TitleKey, string Intent)> Buttons =>
        Menu.Concat(_topics.Where(t => t.MenuOrder is null).Select(t => (t.ButtonKey, t.Intent)));

    /// <summary>The intent of the topic button whose title <paramref name="text"/> is, case and surrounding white space
    /// ignored (a pressed button, or its title typed), or null. The one answer to "is this text a topic button?".</summary>
    public string? ButtonIntent(string? text, ContentCatalog content)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (string.IsNullOrWhiteSpace(text)) return null;
        var typed = text.Trim();
        foreach (var (titleKey, intent) in Buttons)
            if (string.Equals(content.Text(titleKey), typed, StringComparison.OrdinalIgnoreCase)) return intent;
        return null;
    }

    /// <summary>Is <paramref name="text"/> the title of a topic button (see <see cref="ButtonIntent"/>)?</summary>
    public bool IsButton(string? text, ContentCatalog content) => ButtonIntent(text, content) is not null;

    private static IReadOnlyList<string> Keys(YamlMappingNode item, string key) =>
        item.Children.TryGetValue(new YamlScalarNode(key), out var node) && node is YamlSequenceNode seq
            ? [.. seq.Children.OfType<YamlScalarNode>().Select(s => s.Value ?? string.Empty).Where(v => v.Length > 0)]
            : [];

    private static void Check(TopicEntry topic, List<TopicEntry> before, string file)
    {
        if (!Intents.All.Contains(topic.Intent))
            throw new ContentValidationException($"{file}: topic '{topic.Id}' has intent '{topic.Intent}', which is not one of Intents.All (add its phrasings to the intent data first).");
        if (before.FirstOrDefault(t => t.Id == topic.Id || t.Intent == topic.Intent || t.ButtonKey == topic.ButtonKey
                || (topic.MenuOrder is not null && t.MenuOrder == topic.MenuOrder)) is { } clash)
            throw new ContentValidationException($"{file}: topics '{clash.Id}' and '{topic.Id}' share an id, intent, button or menu place.");
        if (topic.IsInformation && topic.TitleKey is null)
            throw new ContentValidationException($"{file}: information topic '{topic.Id}' has facts but no 'title'.");
        if (topic.IsInformation && topic.FollowUpKeys.Count is < 2 or > 3)
            throw new ContentValidationException($"{file}: information topic '{topic.Id}' offers {topic.FollowUpKeys.Count} follow-ups; offer 2 or 3 (Teams shows three).");
    }
}
