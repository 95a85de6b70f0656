namespace MagBot.Dialogs.Understanding;

/// <summary>
/// A medicine named in a message: its generic <paramref name="Canonical"/> name (for a lay word such as
/// "water pill", the lay word itself), the class it belongs to, the words as typed after normalization
/// (<paramref name="Matched"/>, which may be a misspelling), and a dose in milligrams when one was given with it.
/// <paramref name="OwnMagnesiumForm"/> names the form ("oxide", "citrate") when the mention is a magnesium product the
/// person takes, whose magnesium counts toward their daily total. <see cref="Count"/> is how many units the dose is
/// taken as ("2 x 250 mg", "Slow-Mag 2 tabs"): the dose is then per unit.
/// </summary>
public sealed record MedicationMention(string Canonical, string ClassId, string ClassName, string Matched, double? DoseMg, string? OwnMagnesiumForm = null)
{
    public int? Count { get; init; }

    /// <summary>Elemental magnesium per unit from the product's label (Slow-Mag: 71.5 mg), used when no amount was said.</summary>
    public double? LabelMgPerUnit { get; init; }
}
