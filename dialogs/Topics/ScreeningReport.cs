using MagBot.Dialogs.Knowledge;

namespace MagBot.Dialogs.Topics;

/// <summary>The outcome of one medication check: every medicine with its class (each class is an interaction
/// found), the names MagBot could not check, and the conditions the person named or was unsure about.</summary>
public sealed record ScreeningReport(
    IReadOnlyList<(string Name, DrugClass Class, double? DoseMg)> Medicines,
    IReadOnlyList<string> Unchecked,
    IReadOnlyList<HealthCondition> Conditions,
    bool ConditionsUnsure,
    bool SaidNoMedicines)
{
    /// <summary>The interaction classes found, most serious first, each once.</summary>
    public IReadOnlyList<DrugClass> Interactions =>
        [.. Medicines.Select(m => m.Class).Where(c => !c.IsNoKnownInteraction).DistinctBy(c => c.Id).OrderByDescending(c => c.Severity)];

    /// <summary>The class of known medicines with no interaction in MagBot's sources, when any was named.</summary>
    public IReadOnlyList<DrugClass> NoKnownInteraction =>
        [.. Medicines.Select(m => m.Class).Where(c => c.IsNoKnownInteraction).DistinctBy(c => c.Id)];
}
