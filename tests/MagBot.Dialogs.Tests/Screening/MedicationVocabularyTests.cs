using MagBot.Dialogs.Understanding;

namespace MagBot.Dialogs.Tests.Screening;

/// <summary>Issue 15: the vocabulary knows fibromyalgia, migraine and commonly prescribed medicines; ordinary words are
/// never taken for medicines; misspellings, combinations and the person's own magnesium are read.</summary>
public sealed class MedicationVocabularyTests
{
    private static MedicationRecognizer Recognizer => ScreeningFixtures.Recognizer;

    /// <summary>Written from the issue and the fibromyalgia/migraine guidelines, independently of the YAML.</summary>
    [Theory]
    [InlineData("pregabalin")] [InlineData("Lyrica")] [InlineData("duloxetine")] [InlineData("Cymbalta")] [InlineData("milnacipran")]
    [InlineData("Savella")] [InlineData("amitriptyline")] [InlineData("nortriptyline")] [InlineData("cyclobenzaprine")] [InlineData("tizanidine")]
    [InlineData("tramadol")] [InlineData("sumatriptan")] [InlineData("rizatriptan")] [InlineData("eletriptan")] [InlineData("zolmitriptan")]
    [InlineData("ubrogepant")] [InlineData("rimegepant")] [InlineData("atogepant")] [InlineData("erenumab")] [InlineData("fremanezumab")]
    [InlineData("galcanezumab")] [InlineData("eptinezumab")] [InlineData("topiramate")] [InlineData("propranolol")] [InlineData("divalproex")]
    [InlineData("onabotulinumtoxinA")] [InlineData("Botox")] [InlineData("lasmiditan")] [InlineData("metformin")] [InlineData("atorvastatin")]
    [InlineData("sertraline")] [InlineData("ibuprofen")] [InlineData("Tylenol")] [InlineData("lisinopril")] [InlineData("levothyroxine")]
    [InlineData("albuterol")] [InlineData("montelukast")] [InlineData("escitalopram")] [InlineData("apixaban")] [InlineData("semaglutide")]
    public void Common_fibromyalgia_migraine_and_prescribed_medicines_are_known(string name)
    {
        var r = Recognizer.RecognizeAnswer(name);
        Assert.Single(r.Found);
        Assert.Empty(r.Unknown);
    }

    [Fact]
    public void The_vocabulary_holds_at_least_300_medicines_each_in_a_class()
    {
        var medicines = ScreeningFixtures.Lexicon.Names.Where(n => !n.IsLayTerm).Select(n => n.Canonical).Distinct().ToList();
        Assert.True(medicines.Count >= 300, $"only {medicines.Count} medicines");
        Assert.Contains(ScreeningFixtures.Lexicon.Classes, c => c.IsNoKnownInteraction);
    }

    [Theory]
    [InlineData("verapamil for migraine prevention")]
    [InlineData("doxycycline for acne")]
    [InlineData("Fosamax on sundays")]
    [InlineData("macrobid for a UTI")]
    [InlineData("ambien most nights")]
    [InlineData("metoprolol succinate 50 titrating up")]
    [InlineData("zofran odt 4mg at 8pm")]
    public void Reasons_times_and_forms_are_never_asked_about(string text)
    {
        var r = Recognizer.RecognizeAnswer(text);
        Assert.NotEmpty(r.Found);
        Assert.Empty(r.Unknown);
    }

    [Theory]
    [InlineData("symbalta", "duloxetine")]
    [InlineData("sipro", "ciprofloxacin")]
    [InlineData("xeralto", "rivaroxaban")]
    [InlineData("flexaril", "cyclobenzaprine")]
    [InlineData("lyrika", "pregabalin")]
    [InlineData("topomax", "topiramate")]
    public void Misspellings_are_read_by_the_recognizer_not_listed(string typo, string canonical)
    {
        Assert.DoesNotContain(ScreeningFixtures.Lexicon.Names, n => TextNormalizer.Normalize(n.Spelling) == typo);
        Assert.Equal(canonical, Assert.Single(Recognizer.RecognizeAnswer(typo).Found).Canonical);
    }

    [Fact]
    public void An_english_word_is_never_taken_for_a_similar_medicine_name()
    {
        // "alive" is one letter from Aleve; "lyric" from Lyrica.
        Assert.Empty(Recognizer.RecognizeAnswer("glad to be alive, I like lyric poems").Found);
    }

    [Theory]
    [InlineData("Hyzaar", new[] { "losartan", "hydrochlorothiazide" })]
    [InlineData("Excedrin migraine", new[] { "acetaminophen", "aspirin", "caffeine" })]
    [InlineData("Rolaids", new[] { "calcium carbonate", "magnesium hydroxide" })]
    [InlineData("Biktarvy", new[] { "bictegravir", "emtricitabine", "tenofovir alafenamide" })]
    public void A_combination_is_read_as_its_components(string brand, string[] components) =>
        Assert.Equal(components, Recognizer.RecognizeAnswer(brand).Found.Select(m => m.Canonical));

    [Theory]
    [InlineData("Mag-Ox 400", "oxide")]
    [InlineData("slow mag", "chloride")]
    [InlineData("milk of magnesia", "hydroxide")]
    [InlineData("epsom salt baths", "sulfate")]
    [InlineData("magnesium glycinate 400 mg", "glycinate")]
    [InlineData("mag taurate", "taurate")]
    [InlineData("magnesium 250", "unknown")]
    [InlineData("I take magnesium at night", "unknown")]
    [InlineData("turmeric, fish oil, magnesium", "unknown")]
    [InlineData("Rolaids for heartburn", "hydroxide")]
    public void Own_magnesium_is_recognised_by_salt_brand_and_kind(string text, string form) =>
        Assert.Contains(Recognizer.RecognizeAnswer(text).Found, m => m.OwnMagnesiumForm == form);

    [Theory]
    [InlineData("Foods with magnesium")]
    [InlineData("magnesium for migraines")]
    [InlineData("can I take magnesium with my meds?")]
    public void Plain_magnesium_in_a_question_is_not_a_product_taken(string text) =>
        Assert.DoesNotContain(Recognizer.Recognize(text).Found, m => m.OwnMagnesiumForm is not null);

    [Fact]
    public void Amounts_of_own_magnesium_are_read_in_milligrams()
    {
        var r = Recognizer.RecognizeAnswer("500 mg magnesium oxide, magnesium 250 and magnesium citrate 200mg");
        Assert.Equal([500d, 250d, 200d], r.Found.Select(m => m.DoseMg));
    }
}
