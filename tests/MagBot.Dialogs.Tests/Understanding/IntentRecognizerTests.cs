using MagBot.Dialogs.Bot;
using MagBot.Dialogs.Understanding;
using MagBot.Dialogs.Understanding.Classification;
using MagBot.Dialogs.Understanding.Labelled;
using Moq;

namespace MagBot.Dialogs.Tests.Understanding;

public sealed class IntentRecognizerTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("?!?")]
    [InlineData("🙂")]
    [InlineData("👍👍👍")]
    [InlineData("\u200B")]
    public void Empty_punctuation_or_emoji_only_is_none(string? text)
    {
        var result = LabelledData.Recognizer.Recognize(text);

        Assert.Equal(Intents.None, result.Intent);
    }

    [Fact]
    public void Very_long_input_is_understood_from_its_beginning_without_failing()
    {
        var text = "does magnesium help my fibromyalgia pain " + string.Concat(Enumerable.Repeat("and I am so tired all the time ", 2000));

        var result = LabelledData.Recognizer.Recognize(text);

        Assert.Equal(Intents.Fibromyalgia, result.Intent);
    }

    [Fact]
    public void A_long_word_without_spaces_does_not_fail()
    {
        var result = LabelledData.Recognizer.Recognize(new string('a', 100_000));

        Assert.Equal(Intents.None, result.Intent);
    }

    [Theory]
    [InlineData("fibromyalgai and magnesium", Intents.Fibromyalgia)]
    [InlineData("does magnesuim help migrains", Intents.Migraine)]
    [InlineData("tension headahce", Intents.TensionHeadache)]
    [InlineData("wich foods have magnesim", Intents.Foods)]
    [InlineData("glycinte or citrat", Intents.SupplementForms)]
    public void Misspellings_are_understood(string text, string intent)
    {
        Assert.Equal(intent, LabelledData.Recognizer.Recognize(text).Intent);
    }

    [Theory]
    [InlineData("mag for fibro?", "magnesium for fibromyalgia?")]
    [InlineData("does mag help my HA", "does magnesium help my headache")]
    [InlineData("FM and mag", "fibromyalgia and magnesium")]
    [InlineData("check my meds pls", "check my medications please")]
    [InlineData("thx", "thanks")]
    [InlineData("nvm", "never mind")]
    public void Abbreviations_mean_what_they_stand_for(string abbreviated, string spelledOut)
    {
        var a = LabelledData.Recognizer.Recognize(abbreviated);
        var b = LabelledData.Recognizer.Recognize(spelledOut);

        Assert.Equal(b.Intent, a.Intent);
        Assert.NotEqual(Intents.None, a.Intent);
    }

    [Theory]
    [InlineData("magnesium foods", "foods with magnesium", Intents.Foods)]
    [InlineData("migraine magnesium", "magnesium migraine", Intents.Migraine)]
    public void Word_order_does_not_change_the_topic(string a, string b, string intent)
    {
        Assert.Equal(intent, LabelledData.Recognizer.Recognize(a).Intent);
        Assert.Equal(intent, LabelledData.Recognizer.Recognize(b).Intent);
    }

    [Theory]
    [InlineData("qwxzvbnm")]
    [InlineData("cryptocurrency prices")]
    public void Unfamiliar_text_is_out_of_scope(string text)
    {
        Assert.Equal(Intents.None, LabelledData.Recognizer.Recognize(text).Intent);
    }

    [Fact]
    public void A_message_between_two_topics_is_less_certain_and_offers_both()
    {
        var clear = LabelledData.Recognizer.Recognize("which foods are rich in magnesium");
        var mixed = LabelledData.Recognizer.Recognize("foods rich in magnesium and the side effects of supplements");
        var topTwo = new[] { mixed.Intent }.Concat(mixed.Alternatives.Select(a => a.Intent)).Take(2).ToList();

        Assert.True(mixed.Score < clear.Score, $"mixed {mixed.Score:0.00}, clear {clear.Score:0.00}");
        Assert.Contains(Intents.Foods, topTwo);
        Assert.Contains(Intents.SideEffects, topTwo);
    }

    [Fact]
    public void Scores_are_probabilities_ranked_best_first()
    {
        var result = LabelledData.Recognizer.Recognize("what dose of magnesium is safe");
        var all = new[] { result.Score }.Concat(result.Alternatives.Select(a => a.Score)).ToList();

        Assert.All(all, s => Assert.InRange(s, 0, 1));
        Assert.Equal(all.OrderByDescending(s => s), all);
        Assert.True(all.Sum() <= 1 + 1e-9);
    }

    [Fact]
    public void A_medicine_named_alone_is_a_medication_check_when_the_lexicon_knows_it()
    {
        var finder = new Mock<IMedicationFinder>();
        finder.SetupGet(f => f.IsAvailable).Returns(true);
        finder.Setup(f => f.FindCanonicalNames(It.IsAny<string?>()))
            .Returns((string? t) => t?.Contains("zanthoprilex", StringComparison.OrdinalIgnoreCase) == true ? ["zanthoprilex"] : []);
        var recognizer = new IntentRecognizer(NluDataFile.LoadTraining(), finder.Object);

        var result = recognizer.Recognize("zanthoprilex");

        Assert.Equal(Intents.MedicationCheck, result.Intent);
        Assert.True(result.Score >= ConversationRunner.ClarifyThreshold);
    }

    [Fact]
    public void A_medicine_the_lexicon_does_not_know_is_not_a_medication_check_by_name_alone()
    {
        Assert.Equal(Intents.None, LabelledData.Recognizer.Recognize("zanthoprilex").Intent);
    }

    [Theory]
    [InlineData("fibromyalga", "fibromyalgia")]
    [InlineData("migrane", "migraine")]
    [InlineData("magnesuim", "magnesium")]
    [InlineData("lose", null)] // four letters: one edit would make it "dose"
    public void Speller_corrects_within_a_distance_that_grows_with_length(string typed, string? expected)
    {
        var speller = new VocabularySpeller(["fibromyalgia", "migraine", "magnesium", "dose"]);

        Assert.Equal(expected, speller.Correct(typed));
    }
}
