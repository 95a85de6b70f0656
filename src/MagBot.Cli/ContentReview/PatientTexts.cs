using MagBot.Dialogs.Knowledge;

namespace MagBot.Cli.ContentReview;

/// <summary>One text a person reads, named by where it lives (a content key, or file and entry for structured files).</summary>
public sealed record PatientText(string Id, string Text);

/// <summary>Every text MagBot can show a person: content entries, the food lines, and the medicine and condition texts.</summary>
public static class PatientTexts
{
    public static IEnumerable<PatientText> All(ContentCatalog content)
    {
        foreach (var entry in content.Entries.OrderBy(e => e.File, StringComparer.Ordinal).ThenBy(e => e.Key, StringComparer.Ordinal))
            yield return new PatientText(entry.Key, entry.Text);
        // Food rows are table cells (name, serving), shown through the foods.line template; each cell is a label.
        foreach (var food in FoodCatalog.LoadEmbedded(content).Foods)
        {
            yield return new PatientText($"foods.yaml: {food.Name}.name", food.Name);
            yield return new PatientText($"foods.yaml: {food.Name}.serving", food.Serving);
        }
        var lexicon = MedicationLexicon.LoadEmbedded(content);
        foreach (var c in lexicon.Classes)
        {
            yield return new PatientText($"medications.yaml: {c.Id}.effect", c.Effect);
            yield return new PatientText($"medications.yaml: {c.Id}.advice", c.Advice);
            yield return new PatientText($"medications.yaml: {c.Id}.question", c.Question);
        }
        foreach (var condition in lexicon.Conditions)
            yield return new PatientText($"conditions.yaml: {condition.Id}.advice", condition.Advice);
    }
}
