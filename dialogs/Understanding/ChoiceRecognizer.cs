using MagBot.Dialogs.Engine;

namespace MagBot.Dialogs.Understanding;

/// <summary>Finds which of a list of choices a message picks: exact title, value or synonym; an ordinal
/// ("2", "the second one", "last"); or the one choice whose words the message contains.</summary>
public static class ChoiceRecognizer
{
    private static readonly Dictionary<string, int> Ordinals = new(StringComparer.Ordinal)
    {
        ["1"] = 1, ["one"] = 1, ["first"] = 1, ["1st"] = 1,
        ["2"] = 2, ["two"] = 2, ["second"] = 2, ["2nd"] = 2,
        ["3"] = 3, ["three"] = 3, ["third"] = 3, ["3rd"] = 3,
        ["4"] = 4, ["four"] = 4, ["fourth"] = 4, ["4th"] = 4,
        ["5"] = 5, ["five"] = 5, ["fifth"] = 5, ["5th"] = 5,
        ["6"] = 6, ["six"] = 6, ["sixth"] = 6, ["6th"] = 6,
        ["7"] = 7, ["seven"] = 7, ["seventh"] = 7, ["7th"] = 7,
        ["8"] = 8, ["eight"] = 8, ["eighth"] = 8, ["8th"] = 8,
    };

    private static readonly HashSet<string> Filler = ["the", "a", "an", "one", "option", "number", "no", "please", "i", "want", "choose", "pick", "take", "id", "like", "about", "tell", "me", "more", "on", "of", "and", "to", "what", "is", "are"];

    public static Choice? Recognize(string? text, IReadOnlyList<Choice> choices)
    {
        if (choices.Count == 0) return null;
        var norm = TextNormalizer.Normalize(text);
        if (norm.Length == 0) return null;

        foreach (var c in choices)
        {
            if (norm == TextNormalizer.Normalize(c.Title) || norm == TextNormalizer.Normalize(c.Value)) return c;
            if (c.Synonyms?.Any(s => norm == TextNormalizer.Normalize(s)) == true) return c;
        }

        var words = norm.Split(' ');
        var content = words.Where(w => !Filler.Contains(w)).ToArray();
        if (words.Contains("last") && content.Length <= 1) return choices[^1];
        foreach (var w in words)
        {
            if (Ordinals.TryGetValue(w, out var n) && n <= choices.Count && content.All(x => x == w || Ordinals.ContainsKey(x)))
                return choices[n - 1];
        }

        // Containment: the message holds a choice's whole title or a synonym ("tell me about foods").
        var hits = choices.Where(c => Contains(norm, c.Title) || c.Synonyms?.Any(s => Contains(norm, s)) == true).ToList();
        return hits.Count == 1 ? hits[0] : null;
    }

    private static bool Contains(string norm, string phrase)
    {
        var p = TextNormalizer.Normalize(phrase);
        return p.Length > 0 && $" {norm} ".Contains($" {p} ", StringComparison.Ordinal);
    }
}
