namespace MagBot.Dialogs.Knowledge;

/// <summary>One row of the magnesium RDA table: a group (<see cref="RdaGroups"/>) and age band, in mg/day from all sources.</summary>
public sealed record RdaRow(string Group, string Label, int MinAge, int? MaxAge, int Milligrams)
{
    public bool Covers(double age) => age >= MinAge && (MaxAge is null || age < MaxAge + 1);
}
