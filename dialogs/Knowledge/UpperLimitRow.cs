namespace MagBot.Dialogs.Knowledge;

/// <summary>The tolerable upper intake level for magnesium from supplements and medicines (not food) for an age band, mg/day.</summary>
public sealed record UpperLimitRow(int MinAge, int? MaxAge, int Milligrams)
{
    public bool Covers(double age) => age >= MinAge && (MaxAge is null || age < MaxAge + 1);
}
