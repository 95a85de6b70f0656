using MagBot.Dialogs.Tests.Support;
using MagBot.Dialogs.Understanding;

namespace MagBot.Dialogs.Tests.Screening;

/// <summary>
/// Supplements, vitamins, minerals and herbal products as vocabulary (supplements.yaml, session 5): each answer names
/// them with their class, an interaction class where MagBot's sources give one, else "known, no interaction".
/// Ordinary words of printouts and notes (people, places, shops, fields, salts) are never asked about.
/// </summary>
public sealed class SupplementRecognitionTests
{
    private static MedicationRecognizer Recognizer => ScreeningFixtures.Recognizer;

    private const string NoInteraction = "supplement-no-known-interaction";

    public static TheoryData<string, string, string> SupplementAnswers => new()
    {
        { "black cohosh for hot flashes", "black cohosh", NoInteraction },
        { "milk thistle 175 mg for my liver", "milk thistle", NoInteraction },
        { "NAC 600 twice a day", "acetylcysteine", NoInteraction },
        { "lion's mane capsules for brain fog", "lions mane", NoInteraction },
        { "aloe vera juice for reflux", "aloe vera", NoInteraction },             // not verapamil
        { "l-tyrosine in the morning", "l-tyrosine", NoInteraction },            // not levothyroxine
        { "beta carotene", "beta carotene", NoInteraction },                    // not nicardipine
        { "chromium picolinate for blood sugar", "chromium", NoInteraction },
        { "Remifemin at night", "black cohosh", NoInteraction },
        { "PreserVision for my eyes", "lutein", NoInteraction },
        { "garlic and cinnamon pills", "garlic", NoInteraction },
        { "krill oil", "omega-3 fatty acids", "no-known-interaction" },
        { "zinc 50 mg during cold season", "zinc", "zinc-high-dose" },
        { "calcium citrate after dinner", "calcium citrate", "calcium-supplement" },
        { "Centrum Silver", "multivitamin", "multivitamin" },
    };

    [Theory]
    [MemberData(nameof(SupplementAnswers))]
    public void A_supplement_in_an_answer_is_recognised_with_its_class(string answer, string canonical, string classId)
    {
        var r = Recognizer.RecognizeAnswer(answer);
        var m = Assert.Single(r.Found, f => f.Canonical == canonical);
        Assert.Equal(classId, m.ClassId);
        Assert.Empty(r.Unknown);
        Assert.All(r.Found, f => Assert.NotEqual("calcium-channel-blocker", f.ClassId));
    }

    [Fact]
    public void A_supplement_named_by_an_everyday_word_is_one_in_an_answer_or_with_a_product_word_only()
    {
        Assert.Equal(["garlic", "cinnamon"], Recognizer.RecognizeAnswer("garlic and cinnamon every day").Found.Select(f => f.Canonical));
        Assert.Empty(Recognizer.Recognize("which foods have magnesium, like garlic or cinnamon?").Found);
        Assert.Equal("garlic", Assert.Single(Recognizer.Recognize("can I take garlic pills with magnesium?").Found).Canonical);
    }

    public static TheoryData<string, string[]> PrintoutsAndNotes => new()
    {
        // People and places beside a medicine (proper nouns after a title or a place word).
        { "gabapentin 300 three times a day per Dr. Nguyen at the pain clinic", ["gabapentin"] },
        { "hydroxyzine as needed, prescribed by my psychiatrist in Austin", ["hydroxyzine"] },
        { "magnesium glycinate from Trader Joe's", ["magnesium glycinate"] },
        { "cymbalta from my rheumatologist at Kaiser", ["duloxetine"] },
        // Printout fields and note abbreviations.
        { "PANTOPRAZOLE SOD DR 40 MG TAB, Sig: 1 tab PO qAM, Disp: 90, Prescriber: Smith, MD", ["pantoprazole"] },
        { "METOPROLOL SUCC ER 25 MG TAB. Pharmacist: J. Rivera", ["metoprolol"] },
        { "Home medications: lisinopril 10 mg daily. Allergies: NKDA", ["lisinopril"] },
        // Salts written after the name on a label are not a second product.
        { "LOSARTAN POTASSIUM 50 MG TABLET - NDC 68180-0517-09", ["losartan"] },
        { "ATORVASTATIN CALCIUM 20 MG TAB", ["atorvastatin"] },
        { "ESOMEPRAZOLE MAGNESIUM 40 MG CAP DR", ["esomeprazole"] },
        // A condition's own word in the reason ("for macular degeneration") is not a medicine.
        { "PreserVision for macular degeneration", ["lutein"] },
        { "humira for my ankylosing spondylitis", ["adalimumab"] },
        // ... but a mineral listed on its own still is.
        { "losartan 50, potassium 20 meq daily", ["losartan", "potassium chloride"] },
    };

    [Theory]
    [MemberData(nameof(PrintoutsAndNotes))]
    public void Printout_and_note_words_are_never_asked_about(string answer, string[] expected)
    {
        var r = Recognizer.RecognizeAnswer(answer);
        Assert.Empty(r.Unknown);
        Assert.Equal(expected, r.Found.Select(f => f.Canonical));
        Assert.DoesNotContain(r.Found, f => f.OwnMagnesiumForm is not null && !expected.Contains(f.Canonical));
    }

    [Fact]
    public async Task The_check_names_a_supplement_as_known_without_an_interaction_and_not_the_same_as_safe()
    {
        using var conv = new BotConversation();
        await conv.SendAsync("Check my medications");
        await conv.SendAsync("ashwagandha, black cohosh and milk thistle");
        var result = await ScreeningTranscript.FinishAsync(conv);
        var text = result.AllText();
        Assert.Contains("**ashwagandha, black cohosh, milk thistle**: MagBot's sources list no interaction between magnesium and this supplement", text);
        Assert.Contains("**not the same as safe**", text);
        Assert.DoesNotContain("I don't know", text);
        ScreeningTranscript.AssertNeverCallsSafe(result);
    }
}
