namespace MagBot.Dialogs.Knowledge;

/// <summary>How much a magnesium interaction matters: <see cref="High"/> can make a treatment fail or cause harm;
/// <see cref="None"/> marks medicines MagBot knows that have no interaction in its sources (not the same as safe).</summary>
public enum InteractionSeverity
{
    None,
    Low,
    Moderate,
    High,
}

/// <summary>
/// A class of medicines with one thing magnesium does to all of them: what may happen (<see cref="Effect"/>),
/// what to do (<see cref="Advice"/>), how serious it is, a question to take to the provider, and the sources.
/// </summary>
public sealed record DrugClass(
    string Id,
    string Name,
    InteractionSeverity Severity,
    string Effect,
    string Advice,
    string Question,
    IReadOnlyList<string> Sources,
    IReadOnlyList<DrugName> Names)
{
    /// <summary>True for the class of medicines known to have no magnesium interaction in MagBot's sources.</summary>
    public bool IsNoKnownInteraction => Severity == InteractionSeverity.None;
}

/// <summary>
/// One way of naming a medicine of a class: its generic <paramref name="Canonical"/> name and a
/// <paramref name="Spelling"/> a person may type (the generic name itself, a brand, an abbreviation).
/// A lay word ("water pill") names the class only: <see cref="IsLayTerm"/> is true and the canonical is the lay word.
/// <paramref name="MagnesiumForm"/> is set for a magnesium product the person takes ("oxide", "hydroxide"), whose
/// magnesium counts toward the daily total; <paramref name="SaltLabel"/> when its label amount may be the whole salt.
/// </summary>
public sealed record DrugName(string Canonical, string Spelling, string ClassId, bool IsLayTerm, string? MagnesiumForm = null, bool SaltLabel = false)
{
    /// <summary>Elemental magnesium in one tablet or capsule of this product, from its label (Slow-Mag: 71.5 mg), so an
    /// answer that gives only a count ("Slow-Mag 2 tabs") still adds up; null when the name says nothing about strength.</summary>
    public double? LabelMgPerUnit { get; init; }

    /// <summary>A supplement named by an everyday word (garlic, cinnamon, copper): it counts as taken in an answer to the
    /// check's question, or with a product word ("garlic pills"), not in other talk ("foods like garlic").</summary>
    public bool IsEverydayWord { get; init; }
}

/// <summary>A health condition that calls for a provider before any magnesium supplement.</summary>
public sealed record HealthCondition(string Id, string Name, IReadOnlyList<string> Synonyms, string Advice, IReadOnlyList<string> Sources);

/// <summary>A product that contains several medicines ("Hyzaar"): the name as typed and the generic of each component.</summary>
public sealed record MedicineCombination(string Spelling, IReadOnlyList<DrugName> Components);
