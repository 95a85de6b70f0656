using MagBot.Dialogs.Knowledge;
using MagBot.Dialogs.Understanding;

namespace MagBot.Dialogs.Tests.Screening;

public sealed class MedicationLexiconTests
{
    private const string Words = "schemaVersion: 1\nkind: medication-words\nordinary: [the, and]\n";
    private const string Conditions = """
        schemaVersion: 1
        kind: conditions
        reviewed: 2026-11-25
        conditions:
          - id: kidney-disease
            name: kidney disease
            synonyms: [kidney disease]
            advice: "See your kidney doctor."
            sources: [src]
        """;

    private static string Medications(string classes) =>
        "schemaVersion: 1\nkind: medications\nreviewed: 2026-11-25\nclasses:\n" + classes;

    private const string GoodClass = """
          - id: ccb
            name: calcium channel blocker
            severity: moderate
            effect: "Blood pressure may drop."
            advice: "Ask first."
            question: "Is it a problem?"
            sources: [src]
            members:
              - name: amlodipine
                brands: [Norvasc]

        """;

    private static MedicationLexicon Load(string medications, string conditions = Conditions) =>
        MedicationLexicon.Load(medications, conditions, Words, id => id == "src");

    [Fact]
    public void Embedded_lexicon_loads_with_every_expected_class()
    {
        var lexicon = ScreeningFixtures.Lexicon;
        foreach (var id in ScreeningFixtures.ExpectedClassIds) Assert.Contains(lexicon.Classes, c => c.Id == id);
        // Issue 15 adds bowel blockage or stomach pain (Epsom salt label), breastfeeding and children.
        Assert.Equal(["kidney-disease", "heart-rhythm", "myasthenia-gravis", "pregnancy", "bowel-obstruction", "breastfeeding", "child"],
            lexicon.Conditions.Select(c => c.Id));
    }

    [Fact]
    public void Every_class_and_condition_cites_sources_that_exist()
    {
        var content = ScreeningFixtures.Content;
        Assert.All(ScreeningFixtures.Lexicon.Classes, c =>
        {
            Assert.NotEmpty(c.Sources);
            Assert.All(c.Sources, s => Assert.True(content.HasSource(s), $"{c.Id} cites {s}"));
            Assert.False(string.IsNullOrWhiteSpace(c.Effect));
            Assert.False(string.IsNullOrWhiteSpace(c.Advice));
            Assert.False(string.IsNullOrWhiteSpace(c.Question));
        });
        Assert.All(ScreeningFixtures.Lexicon.Conditions, c => Assert.All(c.Sources, s => Assert.True(content.HasSource(s))));
    }

    [Fact]
    public void No_interaction_text_calls_anything_safe()
    {
        var texts = ScreeningFixtures.Lexicon.Classes.SelectMany(c => new[] { c.Effect, c.Advice, c.Question })
            .Concat(ScreeningFixtures.Lexicon.Conditions.Select(c => c.Advice));
        Assert.All(texts, t => Assert.DoesNotContain("safe", t, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void No_lexicon_name_is_an_ordinary_word()
    {
        var ordinary = ScreeningFixtures.Lexicon.OrdinaryWords;
        Assert.All(ScreeningFixtures.Lexicon.Names, n => Assert.DoesNotContain(TextNormalizer.Normalize(n.Spelling), ordinary));
    }

    [Fact]
    public void A_valid_file_loads()
    {
        var lexicon = Load(Medications(GoodClass));
        var cls = Assert.Single(lexicon.Classes);
        Assert.Equal(InteractionSeverity.Moderate, cls.Severity);
        Assert.Equal(["amlodipine", "Norvasc"], cls.Names.Select(n => n.Spelling));
    }

    [Fact]
    public void A_name_in_two_classes_fails_naming_the_file_the_name_and_both_classes()
    {
        var second = GoodClass.Replace("id: ccb", "id: other").Replace("name: amlodipine", "name: felodipine");
        var e = Assert.Throws<ContentValidationException>(() => Load(Medications(GoodClass + second)));
        Assert.Contains("medications.yaml", e.Message);
        Assert.Contains("Norvasc", e.Message);
        Assert.Contains("'ccb'", e.Message);
        Assert.Contains("'other'", e.Message);
    }

    [Theory]
    [InlineData("{brand: Slow-Mag, mgPerUnit: 71.5, source: src}", null)]
    [InlineData("{brand: Slow-Mag, mgPerUnit: lots, source: src}", "needs mgPerUnit")]
    [InlineData("{brand: Slow-Mag, mgPerUnit: 71.5, source: nope}", "cites source 'nope'")]
    public void A_label_product_needs_a_plausible_amount_per_unit_and_a_source(string product, string? error)
    {
        var yaml = Medications(GoodClass.Replace("        brands: [Norvasc]\n", $"        brands: [Norvasc]\n        labelProducts: [{product}]\n"));
        if (error is null)
        {
            var name = Assert.Single(Load(yaml).Names, n => n.Spelling == "Slow-Mag");
            Assert.Equal(71.5, name.LabelMgPerUnit);
            Assert.False(name.SaltLabel); // a label's elemental amount is never the weight of the salt
            return;
        }
        var e = Assert.Throws<ContentValidationException>(() => Load(yaml));
        Assert.Contains("label product 'Slow-Mag'", e.Message);
        Assert.Contains(error, e.Message);
    }

    [Fact]
    public void A_class_without_sources_fails_naming_the_class()
    {
        var e = Assert.Throws<ContentValidationException>(() => Load(Medications(GoodClass.Replace("    sources: [src]\n", ""))));
        Assert.Contains("medications.yaml: class 'ccb' has no sources", e.Message);
    }

    [Fact]
    public void A_class_citing_an_undefined_source_fails()
    {
        var e = Assert.Throws<ContentValidationException>(() => Load(Medications(GoodClass.Replace("[src]", "[nope]"))));
        Assert.Contains("class 'ccb' cites source 'nope'", e.Message);
    }

    [Theory]
    [InlineData("severity: moderate", "severity: scary", "severity 'scary'")]
    [InlineData("    effect: \"Blood pressure may drop.\"\n", "", "has no 'effect'")]
    [InlineData("    advice: \"Ask first.\"\n", "", "has no 'advice'")]
    [InlineData("    question: \"Is it a problem?\"\n", "", "has no 'question'")]
    public void A_class_with_a_missing_or_bad_field_fails_naming_it(string from, string to, string expected)
    {
        var e = Assert.Throws<ContentValidationException>(() => Load(Medications(GoodClass.Replace(from, to))));
        Assert.Contains("ccb", e.Message);
        Assert.Contains(expected, e.Message);
    }

    [Fact]
    public void A_condition_without_sources_fails_naming_the_file_and_condition()
    {
        var e = Assert.Throws<ContentValidationException>(() => Load(Medications(GoodClass), Conditions.Replace("    sources: [src]", "")));
        Assert.Contains("conditions.yaml: condition 'kidney-disease' has no sources", e.Message);
    }

    [Fact]
    public void A_wrong_schema_version_fails()
    {
        var e = Assert.Throws<ContentValidationException>(() => Load(Medications(GoodClass).Replace("schemaVersion: 1", "schemaVersion: 2")));
        Assert.Contains("medications.yaml", e.Message);
        Assert.Contains("schemaVersion", e.Message);
    }
}
