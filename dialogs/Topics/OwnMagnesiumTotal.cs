using System.Globalization;
using MagBot.Dialogs.Knowledge;

namespace MagBot.Dialogs.Topics;

/// <summary>
/// The magnesium the person already takes (supplements, antacids, laxatives) added up and compared with the upper
/// limit for supplements and medicines for their age group (food does not count toward it). Amounts are as the
/// person stated them, or for a product with a known strength and no amount said, its label's magnesium per unit; where
/// a label may give the weight of the whole salt, the reply says the elemental amount counts.
/// </summary>
public sealed record OwnMagnesiumTotal(IReadOnlyList<(string Name, double? DoseMg, int? Count, bool SaltLabel, bool FromLabel)> Products, double? AgeYears, bool IsChild)
{
    /// <summary>The stated amounts added up; an amount given per unit ("2 x 250 mg") counts that many times.</summary>
    public double StatedMilligrams => Products.Sum(p => (p.DoseMg ?? 0) * (p.Count ?? 1));

    public bool AnyAmountMissing => Products.Any(p => p.DoseMg is null);

    public bool AnySaltLabel => Products.Any(p => p.SaltLabel && p.DoseMg is not null);

    public bool AnyFromLabel => Products.Any(p => p.FromLabel);

    /// <summary>The reply's lines, each a content key's wording; empty when the person named no magnesium.</summary>
    public IReadOnlyList<string> Lines(ContentCatalog content, RdaTable rda)
    {
        if (Products.Count == 0) return [];
        var names = string.Join(", ", Products.Select(p => p.DoseMg is { } d ? $"{p.Name} ({(p.Count is > 1 and var n ? $"{n} × " : "")}{Mg(d)} mg)" : p.Name));
        var lines = new List<string> { content.Text("screening.magnesium.yours", new Dictionary<string, string?> { ["names"] = names }) };
        var limit = AgeYears is { } age ? rda.UpperLimitFor(age) : null;
        var args = new Dictionary<string, string?>
        {
            ["total"] = Mg(StatedMilligrams),
            ["limit"] = (limit ?? rda.AdultUpperLimit).ToString(CultureInfo.InvariantCulture),
            ["age"] = AgeYears?.ToString("0", CultureInfo.InvariantCulture),
        };
        if (StatedMilligrams > 0)
        {
            var over = StatedMilligrams > (limit ?? rda.AdultUpperLimit);
            var key = limit is not null
                ? (over ? "screening.magnesium.total.above.age" : "screening.magnesium.total.within.age")
                : IsChild ? "screening.magnesium.total.child" : over ? "screening.magnesium.total.above" : "screening.magnesium.total.within";
            lines.Add(content.Text(key, args));
        }
        if (AnyAmountMissing) lines.Add(content.Text("screening.magnesium.amount.missing"));
        if (AnyFromLabel) lines.Add(content.Text("screening.magnesium.label"));
        if (AnySaltLabel) lines.Add(content.Text("screening.magnesium.salt"));
        lines.Add(content.Text("screening.magnesium.counts"));
        return lines;
    }

    private static string Mg(double mg) => mg.ToString("#,0.##", CultureInfo.InvariantCulture);
}
