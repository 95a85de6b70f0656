using System.Globalization;

namespace MagBot.Dialogs.Knowledge;

/// <summary>
/// Recommended daily amounts and supplement upper limits by age and group, from <c>rda.yaml</c>
/// (<c>kind: rda</c>), validated at start-up: groups known, ages and amounts whole positive numbers,
/// the source defined in sources.yaml and a review date present.
/// </summary>
public sealed class RdaTable
{
    public const string FileName = "rda.yaml";

    private RdaTable(IReadOnlyList<RdaRow> allowances, IReadOnlyList<UpperLimitRow> upperLimits, string sourceId, DateOnly reviewed)
    {
        Allowances = allowances;
        UpperLimits = upperLimits;
        SourceId = sourceId;
        Reviewed = reviewed;
    }

    public IReadOnlyList<RdaRow> Allowances { get; }
    public IReadOnlyList<UpperLimitRow> UpperLimits { get; }
    public string SourceId { get; }
    public DateOnly Reviewed { get; }

    public static RdaTable LoadEmbedded(ContentCatalog content) =>
        Load(FileName, ContentCatalog.ReadResource(FileName), content);

    public static RdaTable Load(string file, string yaml, ContentCatalog content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var (root, reviewed) = ContentCatalog.ParseStructured(file, yaml, "rda");
        var source = ContentCatalog.Req(root, "source", file, "the file");
        if (!content.HasSource(source))
            throw new ContentValidationException($"{file}: cites source '{source}', which sources.yaml does not define.");

        var allowances = new List<RdaRow>();
        foreach (var item in ContentCatalog.Seq(root, "allowances", file))
        {
            var label = ContentCatalog.Req(item, "label", file, "an allowance");
            var group = ContentCatalog.Req(item, "group", file, label);
            if (!RdaGroups.InTable.Contains(group))
                throw new ContentValidationException($"{file}: '{label}' has group '{group}'; use one of {string.Join(", ", RdaGroups.InTable)}.");
            var (min, max) = Ages(item, file, label);
            allowances.Add(new RdaRow(group, label, min, max, (int)FoodCatalog.PositiveNumber(item, "mg", file, label)));
        }
        var limits = new List<UpperLimitRow>();
        foreach (var item in ContentCatalog.Seq(root, "upperLimits", file))
        {
            var (min, max) = Ages(item, file, "an upper limit");
            limits.Add(new UpperLimitRow(min, max, (int)FoodCatalog.PositiveNumber(item, "mg", file, $"the upper limit from age {min}")));
        }
        if (allowances.Count == 0 || limits.Count == 0)
            throw new ContentValidationException($"{file}: needs at least one allowance and one upper limit.");
        return new RdaTable(allowances, limits, source, reviewed);
    }

    /// <summary>The recommended amount for <paramref name="age"/> in <paramref name="group"/> as a range
    /// (low = high unless the user preferred not to say their sex); null when the table has no row (under 1 year).</summary>
    public (int Low, int High)? AllowanceFor(double age, string group)
    {
        if (age < RdaGroups.SeparateFromAge && group is not (RdaGroups.Pregnant or RdaGroups.Breastfeeding))
            return Single(Allowances.FirstOrDefault(r => r.Group == RdaGroups.Children && r.Covers(age)));
        return group switch
        {
            RdaGroups.Unspecified => Range(Nearest(RdaGroups.Female, age), Nearest(RdaGroups.Male, age)),
            _ => Single(Nearest(group, age)),
        };
    }

    /// <summary>The supplement upper limit for <paramref name="age"/>; null under 1 year (none is set: food and milk only).</summary>
    public int? UpperLimitFor(double age) => UpperLimits.FirstOrDefault(u => u.Covers(age))?.Milligrams;

    /// <summary>The adult upper limit (the row with no maximum age).</summary>
    public int AdultUpperLimit => UpperLimits.First(u => u.MaxAge is null).Milligrams;

    // Pregnancy and breastfeeding rows start at 14: younger or older ages take the nearest band.
    private RdaRow? Nearest(string group, double age)
    {
        var rows = Allowances.Where(r => r.Group == group).ToList();
        return rows.FirstOrDefault(r => r.Covers(age))
            ?? (rows.Count == 0 ? null : age < rows.Min(r => r.MinAge) ? rows.MinBy(r => r.MinAge) : rows.MaxBy(r => r.MinAge));
    }

    private static (int, int)? Single(RdaRow? row) => row is null ? null : (row.Milligrams, row.Milligrams);

    private static (int, int)? Range(RdaRow? a, RdaRow? b) =>
        a is null || b is null ? null : (Math.Min(a.Milligrams, b.Milligrams), Math.Max(a.Milligrams, b.Milligrams));

    private static (int Min, int? Max) Ages(YamlDotNet.RepresentationModel.YamlMappingNode item, string file, string entry)
    {
        var min = int.TryParse(ContentCatalog.Req(item, "minAge", file, entry), NumberStyles.None, CultureInfo.InvariantCulture, out var m) ? m
            : throw new ContentValidationException($"{file}: {entry} has a 'minAge' that is not a whole number.");
        var rawMax = ContentCatalog.Opt(item, "maxAge");
        if (rawMax is null) return (min, null);
        return int.TryParse(rawMax, NumberStyles.None, CultureInfo.InvariantCulture, out var max) && max >= min ? (min, max)
            : throw new ContentValidationException($"{file}: {entry} has 'maxAge: {rawMax}', which is not a whole number at least minAge.");
    }
}
