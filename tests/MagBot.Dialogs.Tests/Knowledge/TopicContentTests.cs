using MagBot.Dialogs.Knowledge;

namespace MagBot.Dialogs.Tests.Knowledge;

/// <summary>Every health statement traces to a source and a review date; the loaders refuse content that does not.</summary>
public sealed class TopicContentTests
{
    private static readonly ContentCatalog Content = ContentCatalog.LoadEmbedded();

    private const string Sources = """
        schemaVersion: 1
        kind: sources
        sources:
          - { id: s1, title: "A fact sheet", publisher: "A publisher" }
        """;

    public static TheoryData<string> FactFiles =>
        [.. ContentCatalog.ResourceNames().Select(n => n["MagBot.Content.".Length..])
            .Where(n => ContentCatalog.Opt(ContentCatalog.ParseHeader(n, ContentCatalog.ReadResource(n)), "kind") == "facts")];

    [Theory]
    [MemberData(nameof(FactFiles))]
    public void Every_fact_entry_has_a_known_source_and_a_review_date(string file)
    {
        var entries = Content.Entries.Where(e => e.File == file).ToList();
        Assert.NotEmpty(entries);
        Assert.All(entries, e =>
        {
            Assert.NotEmpty(e.Sources);
            Assert.All(e.Sources, id => Assert.True(Content.HasSource(id), $"{e.Key} cites unknown source {id}"));
            Assert.NotNull(e.Reviewed);
        });
    }

    [Theory]
    [InlineData("  - key: x.fact\n    text: \"Magnesium does things.\"\n    reviewed: 2026-11-25\n", "has no sources")]
    [InlineData("  - key: x.fact\n    text: \"Magnesium does things.\"\n    sources: []\n    reviewed: 2026-11-25\n", "has no sources")]
    [InlineData("  - key: x.fact\n    text: \"Magnesium does things.\"\n    sources: [s1]\n", "no 'reviewed' date")]
    [InlineData("  - key: x.fact\n    text: \"Magnesium does things.\"\n    sources: [nope]\n    reviewed: 2026-11-25\n", "does not define")]
    public void Loader_rejects_a_fact_without_a_valid_source_or_review_date(string entry, string message)
    {
        var facts = "schemaVersion: 1\nkind: facts\nentries:\n" + entry;
        var e = Assert.Throws<ContentValidationException>(() => ContentCatalog.Load([("sources.yaml", Sources), ("x.yaml", facts)]));
        Assert.Contains("x.yaml", e.Message);
        Assert.Contains(message, e.Message);
    }

    // The topic facts files: the wording rules below are MagBot's for every health statement it shows in topics.
    private static readonly string[] TopicFactFiles =
        ["fibromyalgia.yaml", "migraine.yaml", "mechanism.yaml", "testing.yaml", "forms.yaml", "side-effects.yaml", "amounts.yaml"];

    [Fact]
    public void Topic_facts_never_call_magnesium_safe_or_a_cure()
    {
        var facts = Content.Entries.Where(e => TopicFactFiles.Contains(e.File)).ToList();
        Assert.Equal(TopicFactFiles.Order(), facts.Select(f => f.File).Distinct().Order());
        Assert.All(facts, f =>
        {
            var text = f.Text.ToLowerInvariant();
            Assert.DoesNotMatch(@"\bsafe\b", text);
            Assert.DoesNotMatch(@"(?<!not a )\bcures?\b", text);
        });
    }

    [Fact]
    public void Embedded_foods_load_with_sources_and_epsom_is_not_listed_as_chloride()
    {
        var foods = FoodCatalog.LoadEmbedded(Content);
        Assert.True(foods.Foods.Count >= 8);
        Assert.All(foods.Foods, f => Assert.True(Content.HasSource(f.SourceId)));
        Assert.Equal(156, foods.Foods.Single(f => f.Name.StartsWith("Pumpkin", StringComparison.Ordinal)).Milligrams);
        Assert.Contains("magnesium sulfate", Content.Text("forms.epsom"), StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("  - { name: Kale, serving: 1 cup, mg: 30 }\n", "has no 'source'")]
    [InlineData("  - { name: Kale, serving: 1 cup, mg: 30, source: nope }\n", "does not define")]
    [InlineData("  - { name: Kale, serving: 1 cup, mg: -3, source: s1 }\n", "not a positive number")]
    [InlineData("  - { name: Kale, serving: 1 cup, mg: lots, source: s1 }\n", "not a positive number")]
    [InlineData("  - { name: Kale, mg: 30, source: s1 }\n", "has no 'serving'")]
    [InlineData("  - { name: Kale, serving: 1 cup, mg: 30, source: s1 }\n  - { name: kale, serving: 1 cup, mg: 30, source: s1 }\n", "listed twice")]
    public void Food_loader_rejects_bad_entries_naming_the_file_and_food(string foods, string message)
    {
        var content = ContentCatalog.Load([("sources.yaml", Sources)]);
        var yaml = "schemaVersion: 1\nkind: foods\nreviewed: 2026-11-25\nfoods:\n" + foods;
        var e = Assert.Throws<ContentValidationException>(() => FoodCatalog.Load("f.yaml", yaml, content));
        Assert.Contains("f.yaml", e.Message);
        Assert.Contains(message, e.Message);
    }

    [Fact]
    public void Food_loader_requires_a_review_date()
    {
        var content = ContentCatalog.Load([("sources.yaml", Sources)]);
        var yaml = "schemaVersion: 1\nkind: foods\nfoods:\n  - { name: Kale, serving: 1 cup, mg: 30, source: s1 }\n";
        Assert.Contains("reviewed", Assert.Throws<ContentValidationException>(() => FoodCatalog.Load("f.yaml", yaml, content)).Message);
    }

    [Theory]
    [InlineData("  - { group: aliens, label: X, minAge: 1, maxAge: 3, mg: 80 }\n", "group 'aliens'")]
    [InlineData("  - { group: male, label: X, minAge: 20, maxAge: 10, mg: 80 }\n", "maxAge")]
    [InlineData("  - { group: male, label: X, minAge: 1, maxAge: 3, mg: 0 }\n", "not a positive number")]
    public void Rda_loader_rejects_bad_rows(string rows, string message)
    {
        var content = ContentCatalog.Load([("sources.yaml", Sources)]);
        var yaml = "schemaVersion: 1\nkind: rda\nreviewed: 2026-11-25\nsource: s1\nallowances:\n" + rows + "upperLimits:\n  - { minAge: 1, mg: 350 }\n";
        Assert.Contains(message, Assert.Throws<ContentValidationException>(() => RdaTable.Load("r.yaml", yaml, content)).Message);
    }

    // NIH ODS: RDA (mg/day, all sources) by age and group
    [Theory]
    [InlineData(2, "male", 80, 80)]
    [InlineData(6, "female", 130, 130)]
    [InlineData(13, "male", 240, 240)]
    [InlineData(15, "male", 410, 410)]
    [InlineData(15, "female", 360, 360)]
    [InlineData(19, "male", 400, 400)]
    [InlineData(30, "female", 310, 310)]
    [InlineData(31, "male", 420, 420)]
    [InlineData(80, "female", 320, 320)]
    [InlineData(17, "pregnant", 400, 400)]
    [InlineData(25, "pregnant", 350, 350)]
    [InlineData(35, "pregnant", 360, 360)]
    [InlineData(17, "breastfeeding", 360, 360)]
    [InlineData(25, "breastfeeding", 310, 310)]
    [InlineData(45, "breastfeeding", 320, 320)]
    [InlineData(12, "pregnant", 400, 400)]
    [InlineData(40, "unspecified", 320, 420)]
    [InlineData(10, "unspecified", 240, 240)]
    public void Rda_matches_the_nih_table(double age, string group, int low, int high)
    {
        var rda = RdaTable.LoadEmbedded(Content);
        Assert.Equal((low, high), rda.AllowanceFor(age, group));
    }

    [Theory]
    [InlineData(0.5, null)]
    [InlineData(2, 65)]
    [InlineData(8, 110)]
    [InlineData(9, 350)]
    [InlineData(70, 350)]
    public void Supplement_upper_limit_by_age(double age, int? limit)
    {
        var rda = RdaTable.LoadEmbedded(Content);
        Assert.Equal(limit, rda.UpperLimitFor(age));
        Assert.Equal(350, rda.AdultUpperLimit);
    }
}
