namespace MagBot.Dialogs.Understanding.Classification;

/// <summary>
/// Short forms people type in chat, mapped to the words the labelled data uses, so that "does mag help
/// my fibro" and "does magnesium help my fibromyalgia" share features. Domain abbreviations
/// (fibro, FM, mag, HA, meds) and general chat ones (thx, nvm, pls). Medicine abbreviations such as
/// HCTZ belong to the medication lexicon, not here.
/// </summary>
public static class ChatAbbreviations
{
    private static readonly Dictionary<string, string[]> Table = new(StringComparer.Ordinal)
    {
        ["mag"] = ["magnesium"],
        ["mg2"] = ["magnesium"],
        ["magnesium's"] = ["magnesium"],
        ["fibro"] = ["fibromyalgia"],
        ["fm"] = ["fibromyalgia"],
        ["fms"] = ["fibromyalgia"],
        ["ha"] = ["headache"],
        ["meds"] = ["medication"],
        ["med"] = ["medication"],
        ["medicine"] = ["medication"],
        ["medicines"] = ["medication"],
        ["medications"] = ["medication"],
        ["rx"] = ["prescription"],
        ["bp"] = ["blood", "pressure"],
        ["dr"] = ["doctor"],
        ["doc"] = ["doctor"],
        ["gp"] = ["doctor"],
        ["appt"] = ["appointment"],
        ["info"] = ["information"],
        ["u"] = ["you"],
        ["ur"] = ["your"],
        ["r"] = ["are"],
        ["w"] = ["with"],
        ["pls"] = ["please"],
        ["plz"] = ["please"],
        ["thx"] = ["thanks"],
        ["thnx"] = ["thanks"],
        ["tx"] = ["thanks"],
        ["ty"] = ["thank", "you"],
        ["tysm"] = ["thank", "you", "so", "much"],
        ["nvm"] = ["never", "mind"],
        ["cya"] = ["see", "you"],
        ["ttyl"] = ["talk", "to", "you", "later"],
        ["im"] = ["i", "am"],
        ["dont"] = ["do", "not"],
        ["cant"] = ["can", "not"],
        ["cannot"] = ["can", "not"],
        ["whats"] = ["what", "is"],
        ["thats"] = ["that", "is"],
        ["ive"] = ["i", "have"],
        ["id"] = ["i", "would"],
        ["wanna"] = ["want", "to"],
        ["gonna"] = ["going", "to"],
        ["gotta"] = ["got", "to"],
        ["vs"] = ["versus"],
    };

    /// <summary>The words <paramref name="word"/> stands for, or the word itself.</summary>
    public static IReadOnlyList<string> Expand(string word) =>
        Table.TryGetValue(word, out var expanded) ? expanded : [word];

    /// <summary>Every word the table can produce, so the speller treats them as known.</summary>
    public static IEnumerable<string> Targets => Table.Values.SelectMany(v => v);
}
