using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace MagBot.Dialogs.Knowledge;

/// <summary>
/// The foods MagBot lists, from <c>foods.yaml</c> (<c>kind: foods</c>), validated at start-up: every food
/// needs a name, a serving, a positive mg figure and a source defined in sources.yaml, and the file a review date.
/// </summary>
public sealed class FoodCatalog
{
    public const string FileName = "foods.yaml";

    private FoodCatalog(IReadOnlyList<FoodSource> foods, DateOnly reviewed)
    {
        Foods = foods;
        Reviewed = reviewed;
    }

    public IReadOnlyList<FoodSource> Foods { get; }
    public DateOnly Reviewed { get; }

    public static FoodCatalog LoadEmbedded(ContentCatalog content) =>
        Load(FileName, ContentCatalog.ReadResource(FileName), content);

    public static FoodCatalog Load(string file, string yaml, ContentCatalog content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var (root, reviewed) = ContentCatalog.ParseStructured(file, yaml, "foods");

        var foods = new List<FoodSource>();
        foreach (var item in ContentCatalog.Seq(root, "foods", file))
        {
            var name = ContentCatalog.Req(item, "name", file, "a food");
            var food = new FoodSource(
                name,
                ContentCatalog.Req(item, "serving", file, name),
                PositiveNumber(item, "mg", file, name),
                ContentCatalog.Req(item, "source", file, name));
            if (!content.HasSource(food.SourceId))
                throw new ContentValidationException($"{file}: food '{name}' cites source '{food.SourceId}', which sources.yaml does not define.");
            if (foods.Any(f => string.Equals(f.Name, name, StringComparison.OrdinalIgnoreCase)))
                throw new ContentValidationException($"{file}: food '{name}' is listed twice.");
            foods.Add(food);
        }
        if (foods.Count == 0) throw new ContentValidationException($"{file}: the list 'foods' is empty.");
        return new FoodCatalog(foods, reviewed);
    }

    internal static double PositiveNumber(YamlMappingNode item, string key, string file, string entry)
    {
        var raw = ContentCatalog.Req(item, key, file, entry);
        return double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && v > 0
            ? v
            : throw new ContentValidationException($"{file}: {entry} has '{key}: {raw}', which is not a positive number.");
    }
}
