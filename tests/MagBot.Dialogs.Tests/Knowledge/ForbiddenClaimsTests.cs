using MagBot.Dialogs.Knowledge;
using Microsoft.Extensions.Configuration;

namespace MagBot.Dialogs.Tests.Knowledge;

/// <summary>Medical guard rails: claims MagBot must never make are found in any content and stop start-up.</summary>
public sealed class ForbiddenClaimsTests
{
    private static readonly ForbiddenClaims Claims = ForbiddenClaims.Embedded;

    [Theory]
    [InlineData("Magnesium cures fibromyalgia.", "magnesium-cures-condition")]
    [InlineData("Taking magnesium daily will cure your migraines for good.", "magnesium-cures-condition")]
    [InlineData("It is a cure for migraine.", "magnesium-cures-condition")]
    [InlineData("This supplement gets rid of fibro pain.", "magnesium-cures-condition")]
    [InlineData("It is safe to take magnesium with your blood pressure medicines.", "combination-is-safe")]
    [InlineData("Magnesium and levothyroxine are perfectly fine together.", "combination-is-safe")]
    [InlineData("You can safely combine magnesium with any antibiotic.", "combination-is-safe")]
    [InlineData("You should take 400 mg a day.", "personal-dose")]
    [InlineData("For your migraines you need to take 600mg of magnesium citrate.", "personal-dose")]
    [InlineData("Your dose should be 350 mg.", "personal-dose")]
    [InlineData("I recommend you take 500 mg at bedtime.", "personal-dose")]
    public void Forbidden_claim_is_found(string text, string claimId)
    {
        var claim = Claims.Find(text);
        Assert.NotNull(claim);
        Assert.Equal(claimId, claim.Id);
    }

    [Theory]
    [InlineData("Magnesium is not a cure for fibromyalgia or migraine.")]
    [InlineData("There is no cure for fibromyalgia, but some people find magnesium helps a little.")]
    [InlineData("Magnesium does not cure migraine; the guideline rates it probably effective for prevention.")]
    [InlineData("No combination can be called safe for everyone: ask your pharmacist whether it is safe with your medicines.")]
    [InlineData("Check with your pharmacist if it is safe to take magnesium together with an antibiotic.")]
    [InlineData("The safe upper limit for supplements is 350 mg a day for adults.")]
    [InlineData("Trials used 400 to 600 mg a day under a clinician's supervision.")]
    [InlineData("You should not take more than 350 mg a day from supplements without asking your provider.")]
    [InlineData("Food magnesium is safe for healthy kidneys.")]
    [InlineData("Take the antibiotic 2 hours before or 4 hours after magnesium.")]
    public void Allowed_statement_is_not_a_forbidden_claim(string text) =>
        Assert.Null(Claims.Find(text));

    [Fact]
    public void No_embedded_content_makes_a_forbidden_claim()
    {
        Assert.True(Claims.Count >= 3);
        var catalog = ContentCatalog.LoadEmbedded();
        Assert.All(catalog.Entries, e => Assert.True(Claims.Find(e.Text) is null, $"{e.File}: {e.Key} makes a forbidden claim: {Claims.Find(e.Text)}"));
        var scanned = 0;
        foreach (var name in ContentCatalog.ResourceNames().Select(n => n["MagBot.Content.".Length..]))
        {
            if (name is ForbiddenClaims.FileName or "red-flags.yaml") continue; // rules, not statements
            var root = ContentCatalog.ParseHeader(name, ContentCatalog.ReadResource(name));
            foreach (var text in ContentCatalog.Scalars(root))
            {
                scanned++;
                Assert.True(Claims.Find(text) is null, $"{name}: \"{text}\" makes a forbidden claim: {Claims.Find(text)}");
            }
        }
        Assert.True(scanned > catalog.Entries.Count, $"only {scanned} texts scanned");
    }

    [Fact]
    public void A_fact_with_a_forbidden_claim_fails_content_loading_with_its_key()
    {
        const string facts = """
            schemaVersion: 1
            kind: facts
            entries:
              - key: test.bad.fact
                text: "Good news: magnesium cures fibromyalgia in most people."
                sources: [nih-ods-magnesium-hp]
                reviewed: 2026-11-25
            """;
        var files = new[] { ("sources.yaml", ContentCatalog.ReadResource("sources.yaml")), ("bad.yaml", facts) };
        var e = Assert.Throws<ContentValidationException>(() => ContentCatalog.Load(files));
        Assert.Contains("test.bad.fact", e.Message);
        Assert.Contains("magnesium-cures-condition", e.Message);
    }

    [Fact]
    public void A_structured_content_file_with_a_forbidden_claim_fails_content_loading()
    {
        const string foods = """
            schemaVersion: 1
            kind: test-foods
            foods:
              - name: pumpkin seeds
                note: "Eat these and you should take 800 mg of magnesium on top."
            """;
        var files = new[] { ("sources.yaml", ContentCatalog.ReadResource("sources.yaml")), ("test-foods.yaml", foods) };
        var e = Assert.Throws<ContentValidationException>(() => ContentCatalog.Load(files));
        Assert.Contains("test-foods.yaml", e.Message);
        Assert.Contains("personal-dose", e.Message);
    }

    [Theory]
    [InlineData("Magnesium cures migraine!")]
    [InlineData("Bye! It's completely safe to mix magnesium with your medicines.")]
    [InlineData("See you. You should take 600 mg every day.")]
    public void A_clinic_override_with_a_forbidden_claim_fails_start_up(string wording)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Content:Overrides:goodbye.reply"] = wording,
        }).Build();
        var e = Assert.Throws<ContentValidationException>(() => InProcessBot.Create(configuration).Dispose());
        Assert.Contains("Content:Overrides:goodbye.reply", e.Message);
    }

    [Fact]
    public void A_harmless_clinic_override_is_accepted()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Content:Overrides:goodbye.reply"] = "Take care, and see you at Riverside Clinic.",
        }).Build();
        using var services = InProcessBot.Create(configuration);
        Assert.NotNull(services);
    }
}
