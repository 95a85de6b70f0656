using MagBot.Cli.ContentReview;
using MagBot.Dialogs.Knowledge;
using Xunit.Abstractions;

namespace MagBot.Dialogs.Tests.Knowledge;

/// <summary>Everything a person reads is plain: Flesch–Kincaid grade 8 or below, a median of 7 or below, and no
/// reply bubble over 60 words. Each failure names the text and its grade, hardest first.</summary>
public sealed class ReadabilityTests(ITestOutputHelper output)
{
    public const double GradeLimit = 8.0;
    public const double MedianLimit = 7.0;
    public const int BubbleWordLimit = 60;

    // A grade needs sentences: a button or title of a few words ("Breastfeeding", "Magnesium and fibromyalgia")
    // scores grade 13-20 on syllables alone, which says nothing about how hard it is to read. Texts shorter than
    // this are labels, and are not graded.
    public const int SentenceMinimumWords = 8;

    // Flesch–Kincaid is a formula for English: the Spanish replies (keys ending ".es", and the two-language
    // language.* replies) would need a Spanish formula (Fernández-Huerta), which this test does not have.
    private static bool IsSpanish(string id) => id.EndsWith(".es", StringComparison.Ordinal) || id.Contains(": language.", StringComparison.Ordinal);

    private static readonly IReadOnlyList<(PatientText Text, ReadingGrade.Measure Measure)> Measured =
        [.. PatientTexts.All(ContentCatalog.LoadEmbedded())
            .Where(t => !IsSpanish(t.Id))
            .Select(t => (t, ReadingGrade.Of(t.Text)))];

    [Fact]
    public void Every_text_reads_at_grade_8_or_below()
    {
        var hardest = Measured.Where(m => m.Measure.Words >= SentenceMinimumWords).OrderByDescending(m => m.Measure.Grade).ToList();
        foreach (var (text, m) in hardest.Take(20))
            output.WriteLine($"{m.Grade,5:0.0}  {m.Words,3} words  {text.Id}");

        var tooHard = hardest.Where(m => m.Measure.Grade > GradeLimit).ToList();
        Assert.True(tooHard.Count == 0, "Above grade " + GradeLimit + ":\n" + string.Join("\n", tooHard.Select(m => $"{m.Measure.Grade:0.0} {m.Text.Id}: {m.Text.Text}")));
    }

    [Fact]
    public void Median_grade_of_messages_is_7_or_below()
    {
        var grades = Measured.Where(m => m.Measure.Words >= SentenceMinimumWords).Select(m => m.Measure.Grade).Order().ToList();
        var median = grades.Count % 2 == 1 ? grades[grades.Count / 2] : (grades[grades.Count / 2 - 1] + grades[grades.Count / 2]) / 2;
        output.WriteLine($"median grade {median:0.0} over {grades.Count} messages; lowest {grades[0]:0.0}, highest {grades[^1]:0.0}");
        Assert.InRange(median, 0, MedianLimit);
    }

    [Fact]
    public void No_text_runs_over_60_words()
    {
        var tooLong = Measured.Where(m => m.Measure.Words > BubbleWordLimit).Select(m => $"{m.Measure.Words} words: {m.Text.Id}").ToList();
        Assert.True(tooLong.Count == 0, "Split these, or offer \"tell me more\":\n" + string.Join("\n", tooLong));
    }

    [Theory]
    [InlineData("cat", 1)]
    [InlineData("table", 2)]
    [InlineData("make", 1)]
    [InlineData("helped", 1)]
    [InlineData("needed", 2)]
    [InlineData("boxes", 2)]
    [InlineData("magnesium", 4)]
    [InlineData("trial", 2)]
    [InlineData("nation", 2)]
    [InlineData("studies", 2)]
    [InlineData("350", 3)]
    [InlineData("mg", 2)]
    public void Syllables_are_counted_like_a_reader_says_them(string word, int syllables) =>
        Assert.Equal(syllables, SyllableCounter.Count(word));

    [Fact]
    public void Grade_follows_the_Flesch_Kincaid_formula_and_a_long_hard_sentence_fails()
    {
        // 6 words, 1 sentence, 6 syllables: 0.39 × 6 + 11.8 × 1 − 15.59 = −1.45.
        Assert.InRange(ReadingGrade.Of("The cat sat on the mat.").Grade, -1.5, -1.4);
        var hard = ReadingGrade.Of("Pharmacokinetic considerations notwithstanding, concomitant administration of polyvalent cations substantially diminishes fluoroquinolone bioavailability.");
        Assert.True(hard.Grade > GradeLimit, $"grade {hard.Grade}");
    }
}
