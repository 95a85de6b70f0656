namespace MagBot.Dialogs.Understanding;

/// <summary>Optimal string alignment distance: insertions, deletions, substitutions and swaps of two
/// neighbouring letters each cost 1 ("amlopidine" is one edit from "amlodipine"), the commonest typing slips.</summary>
public static class EditDistance
{
    public static int Between(string a, string b, int limit = int.MaxValue)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (Math.Abs(a.Length - b.Length) > limit) return limit + 1;
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++) d[i, 0] = i;
        for (var j = 0; j <= b.Length; j++) d[0, j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var best = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                    best = Math.Min(best, d[i - 2, j - 2] + 1);
                d[i, j] = best;
            }
        }
        return d[a.Length, b.Length];
    }

    /// <summary>How many typing slips a name of <paramref name="length"/> letters may carry and still be recognised:
    /// none up to 4 letters (too many short words are one edit apart), 1 up to 6, 2 beyond. Ordinary English words are
    /// never taken for a name, which is what keeps 2 slips in a 7-letter brand ("xeralto", "ubrelvie") from false matches.</summary>
    public static int ToleranceFor(int length) => length <= 4 ? 0 : length <= 6 ? 1 : 2;
}
