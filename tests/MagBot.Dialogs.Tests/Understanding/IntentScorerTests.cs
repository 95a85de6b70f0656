using MagBot.Dialogs.Knowledge;
using MagBot.Dialogs.Tests.Support;
using MagBot.Dialogs.Understanding;
using MagBot.Dialogs.Understanding.Classification;
using MagBot.Dialogs.Understanding.Labelled;

namespace MagBot.Dialogs.Tests.Understanding;

/// <summary>
/// The intent recognizer scores a message straight from its words (<c>IntentScorer</c>) instead of building a dictionary
/// of feature names as training does. These tests hold it to that reference over every message the project has: the
/// same familiarity, every intent's probability within 1e-9 and the same ranking, and the same final result.
/// </summary>
public sealed class IntentScorerTests
{
    private const double Tolerance = 1e-9;

    private static readonly Lazy<MedicationRecognizer> Medications = new(() => new MedicationRecognizer(MedicationLexicon.LoadEmbedded(ContentCatalog.LoadEmbedded())));

    // With the lexicon, so the medicine feature and the "medicine named alone" path are exercised too.
    private static readonly Lazy<IntentRecognizer> WithLexicon = new(() => IntentRecognizer.ForEmbeddedTraining(new LexiconMedicationFinder(Medications.Value)));

    public static TheoryData<IntentModelKind> ModelKinds() => [IntentModelKind.LogisticRegression, IntentModelKind.NaiveBayes];

    [Trait("Category", "Slow")]
    [Fact]
    public void Every_intent_scores_the_same_as_the_feature_dictionary_for_every_message()
    {
        var compared = 0;
        var unfamiliar = 0;
        foreach (var text in EveryMessage.WithPerturbations)
        {
            if (WithLexicon.Value.CompareScores(text) is not { } scores) continue;
            AssertSameScores(text, scores.Reference, scores.Fast);
            compared++;
            if (!scores.Reference.Familiar) unfamiliar++;
        }
        Assert.True(compared > 5_000, $"only {compared} messages compared");
        Assert.True(unfamiliar > 10, $"only {unfamiliar} unfamiliar messages: the familiarity test is hardly exercised");
    }

    [Trait("Category", "Slow")]
    [Theory]
    [MemberData(nameof(ModelKinds))]
    public void Recognized_intent_and_scores_are_the_same_as_the_reference_for_every_message(IntentModelKind kind)
    {
        var recognizer = kind == IntentModelKind.LogisticRegression
            ? WithLexicon.Value
            : new IntentRecognizer(NluDataFile.LoadTraining(), new LexiconMedicationFinder(Medications.Value), kind);
        var texts = kind == IntentModelKind.LogisticRegression ? EveryMessage.WithPerturbations : EveryMessage.Originals;
        var intents = new HashSet<string>();
        foreach (var text in texts)
        {
            var expected = recognizer.RecognizeByFeatureDictionary(text);
            AssertSameResult(text, expected, recognizer.Recognize(text));
            intents.Add(expected.Intent);
        }
        Assert.True(intents.Count >= Intents.All.Count - 1, $"only intents [{string.Join(", ", intents)}] came up");
    }

    [Trait("Category", "Slow")]
    [Fact]
    public void Recognizing_with_the_turns_medication_reading_gives_the_same_result()
    {
        var recognizer = WithLexicon.Value;
        var medicationChecks = 0;
        foreach (var text in EveryMessage.Originals)
        {
            var expected = recognizer.Recognize(text);
            AssertSameResult(text, expected, recognizer.Recognize(text, new MedicationReading(Medications.Value, text)));
            if (expected.Intent == Intents.MedicationCheck) medicationChecks++;
        }
        Assert.True(medicationChecks > 50, $"only {medicationChecks} medication checks");
    }

    [Fact]
    public void A_medication_reading_of_another_text_is_refused()
    {
        var reading = new MedicationReading(Medications.Value, "I take lasix");
        Assert.Throws<ArgumentException>(() => WithLexicon.Value.Recognize("I take amlodipine", reading));
    }

    [Fact]
    public void A_medication_reading_reads_once()
    {
        var reading = new MedicationReading(Medications.Value, "norvasc and lasix 40 mg");
        var first = reading.Recognition;
        Assert.Same(first, reading.Recognition);
        Assert.Equal(["amlodipine", "furosemide"], first.Found.Select(m => m.Canonical).Order());
    }

    [Fact]
    public void A_repeated_word_and_letter_sequence_count_as_the_reference_counts_them()
    {
        // Repeats change the unit-length scaling of each group: the fast path must count them the same.
        foreach (var text in new[] { "migraine migraine migraine", "mag mag magnesium magnesium", "ha ha ha headache", "aaa aaa aaa" })
        {
            var scores = WithLexicon.Value.CompareScores(text)!.Value;
            AssertSameScores(text, scores.Reference, scores.Fast);
        }
    }

    private static void AssertSameScores(string text,
        (bool Familiar, IReadOnlyList<(string Intent, double Score)> Ranked) expected,
        (bool Familiar, IReadOnlyList<(string Intent, double Score)> Ranked) actual)
    {
        Assert.True(expected.Familiar == actual.Familiar, $"\"{text}\": familiar {expected.Familiar} by the reference, {actual.Familiar} by the fast path");
        AssertSameRanking(text, expected.Ranked, actual.Ranked);
    }

    private static void AssertSameResult(string text, IntentResult expected, IntentResult actual)
    {
        Assert.True(expected.Intent == actual.Intent, $"\"{text}\": {expected.Intent} by the reference, {actual.Intent} by the fast path");
        Assert.True(Math.Abs(expected.Score - actual.Score) <= Tolerance, $"\"{text}\": score {expected.Score} by the reference, {actual.Score} by the fast path");
        AssertSameRanking(text, expected.Alternatives, actual.Alternatives);
    }

    private static void AssertSameRanking(string text, IReadOnlyList<(string Intent, double Score)> expected, IReadOnlyList<(string Intent, double Score)> actual)
    {
        Assert.True(expected.Select(e => e.Intent).SequenceEqual(actual.Select(a => a.Intent)),
            $"\"{text}\": [{string.Join(", ", expected.Select(e => e.Intent))}] by the reference, [{string.Join(", ", actual.Select(a => a.Intent))}] by the fast path");
        for (var i = 0; i < expected.Count; i++)
        {
            Assert.True(Math.Abs(expected[i].Score - actual[i].Score) <= Tolerance,
                $"\"{text}\": {expected[i].Intent} scores {expected[i].Score} by the reference, {actual[i].Score} by the fast path");
        }
    }
}
