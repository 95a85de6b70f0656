using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace MagBot.Dialogs.Safety;

/// <summary>
/// What the safety screen reads from an activity: the typed text and any text inside a card
/// submission (<see cref="IActivity"/> value), so a symptom typed into a form field is screened too.
/// </summary>
public static class ScreenedText
{
    private const int MaxValueStrings = 64;

    public static string Of(IMessageActivity? activity)
    {
        if (activity is null) return string.Empty;
        var text = activity.Text ?? string.Empty;
        if (activity.Value is not JToken value) return text;
        var tokens = value is JContainer container ? container.DescendantsAndSelf() : [value];
        var strings = tokens
            .OfType<JValue>()
            .Where(v => v.Type == JTokenType.String)
            .Select(v => (string?)v.Value)
            .Where(s => !string.IsNullOrWhiteSpace(s))
            .Take(MaxValueStrings);
        return string.Join(" . ", strings.Prepend(text));
    }
}
