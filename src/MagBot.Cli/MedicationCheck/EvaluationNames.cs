using MagBot.Dialogs.Knowledge;
using MagBot.Dialogs.Understanding;

namespace MagBot.Cli.MedicationCheck;

/// <summary>
/// Puts a reader's label and the recognizer's reading in the same terms: a label that is one of the vocabulary's
/// spellings counts as that medicine ("b12" is cyanocobalamin, "fish oil" omega-3 fatty acids), a lay word as its
/// class ("bp pill" and "blood pressure pill" are the same answer), the person's own magnesium as magnesium:FORM.
/// A label the vocabulary does not know stays as written, so it can only be matched by the same name.
/// </summary>
public sealed class EvaluationNames(MedicationLexicon lexicon)
{
    private readonly Dictionary<string, DrugName> _bySpelling = lexicon.Names
        .GroupBy(n => TextNormalizer.Normalize(n.Spelling), StringComparer.Ordinal)
        .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);

    public string Of(string label)
    {
        if (CheckAnswer.IsOwnMagnesium(label)) return label;
        return _bySpelling.TryGetValue(TextNormalizer.Normalize(label), out var n) ? Of(n) : label;
    }

    public string Of(MedicationMention m)
    {
        if (m.OwnMagnesiumForm is { } form) return CheckAnswer.OwnMagnesiumPrefix + form;
        return lexicon.IsLayTerm(m.ClassId, m.Canonical) ? "lay:" + m.ClassId : m.Canonical.ToLowerInvariant();
    }

    private static string Of(DrugName n) =>
        n.MagnesiumForm is { } form ? CheckAnswer.OwnMagnesiumPrefix + form
        : n.IsLayTerm ? "lay:" + n.ClassId : n.Canonical.ToLowerInvariant();
}
