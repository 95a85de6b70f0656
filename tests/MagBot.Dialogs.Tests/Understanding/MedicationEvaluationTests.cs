using MagBot.Cli;
using MagBot.Dialogs.Knowledge;
using MagBot.Dialogs.Understanding;
using MagBot.Dialogs.Understanding.Evaluation;
using Microsoft.Extensions.DependencyInjection;

namespace MagBot.Dialogs.Tests.Understanding;

/// <summary>
/// The medication recognizer (screening issue) as understanding uses it, measured on the lexicon itself and
/// on the labelled messages in Data/medications.labelled.yaml — the figures `magbot nlu-eval` prints.
/// </summary>
public sealed class MedicationEvaluationTests : IDisposable
{
    private readonly ServiceProvider _services = InProcessBot.Create();

    private IMedicationFinder Finder => _services.GetRequiredService<IMedicationFinder>();

    private MedicationLexicon Lexicon => _services.GetRequiredService<MedicationLexicon>();

    [Fact]
    public void The_bot_wires_the_lexicon_into_understanding()
    {
        Assert.True(Finder.IsAvailable);
    }

    [Fact]
    public void Every_name_in_the_lexicon_is_found_as_its_canonical_name()
    {
        // Supplements named by an everyday word ("garlic") are found by understanding only with a product word ("garlic pills").
        var missed = Lexicon.Names
            .Where(n => !n.IsEverydayWord)
            .Where(n => !Finder.FindCanonicalNames(n.Spelling).Contains(n.Canonical, StringComparer.OrdinalIgnoreCase))
            .Select(n => $"{n.Spelling} -> {n.Canonical}")
            .ToList();

        Assert.Empty(missed);
    }

    [Fact]
    public void Common_misspellings_of_every_long_name_are_found()
    {
        // One letter dropped or two neighbours swapped inside a name of eight letters or more: the slips people make.
        var missed = new List<string>();
        foreach (var name in Lexicon.Names.Where(n => !n.IsEverydayWord && n.Spelling.Length >= 8 && n.Spelling.All(char.IsLetter)))
        {
            var s = name.Spelling.ToLowerInvariant();
            foreach (var typo in new[] { s.Remove(s.Length / 2, 1), Swap(s, s.Length / 2) }.Distinct())
            {
                if (!Finder.FindCanonicalNames(typo).Contains(name.Canonical, StringComparer.OrdinalIgnoreCase)) missed.Add($"{typo} -> {name.Canonical}");
            }
        }

        Assert.Empty(missed);
    }

    [Fact]
    public void No_medicine_is_found_in_labelled_messages_that_name_none()
    {
        var evaluation = NluEvaluator.EvaluateMedications(Finder, LabelledData.Medications.Medications);

        Assert.Empty(evaluation.FoundInNoneMessages.Select(p => $"\"{p.Example.Text}\" -> {string.Join(", ", p.Found)}"));
    }

    [Fact]
    public void Labelled_mentions_are_found_with_high_precision_and_recall()
    {
        var evaluation = NluEvaluator.EvaluateMedications(Finder, LabelledData.Medications.Medications);
        var mistakes = string.Join("\n", evaluation.Mistakes.Select(m => $"line {m.Example.Line}: \"{m.Example.Text}\" expected [{string.Join(", ", m.Example.Expected)}] got [{string.Join(", ", m.Found)}]"));

        Assert.True(evaluation.Precision >= 0.99, $"precision {evaluation.Precision:0.000}\n{mistakes}");
        Assert.True(evaluation.Recall >= 0.98, $"recall {evaluation.Recall:0.000}\n{mistakes}");
    }

    [Theory]
    [InlineData("amlodipine")]
    [InlineData("Norvasc")]
    [InlineData("hctz")]
    [InlineData("lasix 40mg")]
    [InlineData("spironolacton")]
    public void A_medicine_named_alone_means_check_my_medications(string text)
    {
        var result = _services.GetRequiredService<IIntentRecognizer>().Recognize(text);

        Assert.Equal(Intents.MedicationCheck, result.Intent);
    }

    private static string Swap(string s, int i) => string.Concat(s.AsSpan(0, i), s[i + 1].ToString(), s[i].ToString(), s.AsSpan(i + 2));

    public void Dispose() => _services.Dispose();
}
