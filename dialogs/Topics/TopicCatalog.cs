using MagBot.Dialogs.Knowledge;
using MagBot.Dialogs.Understanding;

namespace MagBot.Dialogs.Topics;

/// <summary>Which dialog answers which intent, and the topic buttons of the main menu.</summary>
public sealed class TopicCatalog
{
    private readonly Dictionary<string, string> _dialogByIntent = new(StringComparer.Ordinal);

    /// <summary>Registers <paramref name="dialogId"/> as the answer to <paramref name="intent"/>.</summary>
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
    public static readonly IReadOnlyList<(string TitleKey, string Intent)> Menu =
    [
        ("menu.fibromyalgia", Intents.Fibromyalgia),
        ("menu.migraine", Intents.Migraine),
        ("menu.mechanism", Intents.Mechanism),
        ("menu.foods", Intents.Foods),
        ("menu.forms", Intents.SupplementForms),
        ("menu.medications", Intents.MedicationCheck),
    ];

    /// <summary>Follow-up buttons topics offer beyond the main menu: (content key of the title, intent it starts).</summary>
    public static readonly IReadOnlyList<(string TitleKey, string Intent)> FollowUps =
    [
        ("menu.testing", Intents.Testing),
        ("menu.amounts", Intents.Amounts),
        ("menu.side_effects", Intents.SideEffects),
        ("menu.provider", Intents.Provider),
        ("menu.tension", Intents.TensionHeadache),
    ];

    /// <summary>Every button title the runner recognises as starting a topic: the menu, then the follow-ups.</summary>
    public static IEnumerable<(string TitleKey, string Intent)> Buttons => Menu.Concat(FollowUps);

    /// <summary>The intent of the topic button whose title <paramref name="text"/> is, case and surrounding white space
    /// ignored (a pressed button, or its title typed), or null. The one answer to "is this text a topic button?".</summary>
    public static string? ButtonIntent(string? text, ContentCatalog content)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (string.IsNullOrWhiteSpace(text)) return null;
        var typed = text.Trim();
        foreach (var (titleKey, intent) in Buttons)
            if (string.Equals(content.Text(titleKey), typed, StringComparison.OrdinalIgnoreCase)) return intent;
        return null;
    }

    /// <summary>Is <paramref name="text"/> the title of a topic button (see <see cref="ButtonIntent"/>)?</summary>
    public static bool IsButton(string? text, ContentCatalog content) => ButtonIntent(text, content) is not null;
}
