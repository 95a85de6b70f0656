using System.Globalization;
using MagBot.Dialogs.Bot;
using MagBot.Dialogs.Knowledge;
using MagBot.Dialogs.Understanding;
using Microsoft.Extensions.DependencyInjection;

namespace MagBot.Cli.MedicationCheck;

/// <summary>
/// <c>magbot nlu-eval --medication-check FILE.tsv [--show-mistakes]</c>: medicine recall and precision, ordinary
/// words taken for medicines, the person's own magnesium recognised, and how many answers keep the check open.
/// Mistakes are printed only when asked, so a blind set can be scored without being read.
/// </summary>
public static class CheckEvalCommand
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static int Run(string file, bool showMistakes, TextWriter output, TextWriter error)
    {
        IReadOnlyList<CheckAnswer> answers;
        try
        {
            answers = CheckAnswer.Load(file);
        }
        catch (Exception ex) when (ex is IOException or FormatException or UnauthorizedAccessException)
        {
            error.WriteLine($"Cannot evaluate {ex.Message}");
            return 1;
        }
        using var services = InProcessBot.Create();
        var recognizer = services.GetRequiredService<MedicationRecognizer>();
        var names = new EvaluationNames(services.GetRequiredService<MedicationLexicon>());
        var rehearsal = new CheckRehearsal(services.GetRequiredService<ConversationRunner>(), services.GetRequiredService<ContentCatalog>());
        var scores = answers.Select(a =>
        {
            var r = recognizer.RecognizeAnswer(a.Text);
            var found = r.Found.Select(names.Of).Distinct(StringComparer.Ordinal).ToList();
            var labelled = a with { Expected = [.. a.Expected.Select(names.Of).Distinct(StringComparer.Ordinal)] };
            return new CheckAnswerScore(labelled, found, r.Unknown, rehearsal.StaysInCheckAsync(a.Text).GetAwaiter().GetResult());
        }).ToList();
        Write(new CheckEvaluation(scores), Path.GetFileName(file), showMistakes, output);
        return 0;
    }

    private static void Write(CheckEvaluation e, string name, bool showMistakes, TextWriter output)
    {
        output.WriteLine($"== Medication check: {name} ({e.Scores.Count} answers)");
        Row(output, "medicine recall", e.Recall, $"{e.FoundRight}/{e.ExpectedMedicines}");
        Row(output, "medicine precision", e.Precision, $"{e.FoundRight}/{e.FoundRight + e.FoundWrong}");
        output.WriteLine($"{"ordinary words taken for medicines",-38} {e.OrdinaryWordsTaken,8}   (names found unexpected {e.FoundWrong}, words asked about {e.OrdinaryWordsTaken - e.FoundWrong})");
        Row(output, "own magnesium recognised", Ratio(e.MagnesiumRecognised, e.MagnesiumAnswers), $"{e.MagnesiumRecognised}/{e.MagnesiumAnswers}");
        Row(output, "own magnesium form as labelled", Ratio(e.MagnesiumFormsMatch, e.MagnesiumAnswers), $"{e.MagnesiumFormsMatch}/{e.MagnesiumAnswers}");
        Row(output, "answers that stay in the check", Ratio(e.Stayed, e.Scores.Count), $"{e.Stayed}/{e.Scores.Count}");
        if (!showMistakes)
        {
            output.WriteLine("(mistakes not shown; add --show-mistakes to list them)");
            return;
        }
        output.WriteLine();
        output.WriteLine("== Mistakes");
        foreach (var s in e.Scores.Where(s => s.MissedMedicines.Count > 0 || s.ExtraMedicines.Count > 0 || s.OrdinaryWordsAskedAbout.Count > 0
                     || !s.MagnesiumFormsMatch || !s.StayedInCheck))
        {
            output.WriteLine($"line {s.Answer.Line,4}  missed [{string.Join(", ", s.MissedMedicines.Concat(s.Answer.ExpectedMagnesium.Except(s.FoundMagnesium)))}] " +
                $"extra [{string.Join(", ", s.ExtraMedicines.Concat(s.FoundMagnesium.Except(s.Answer.ExpectedMagnesium)))}] asked [{string.Join(", ", s.AskedAbout)}]" +
                $"{(s.StayedInCheck ? "" : " LEFT THE CHECK")}  \"{s.Answer.Text}\"");
        }
    }

    private static double Ratio(int n, int d) => d == 0 ? 1 : (double)n / d;

    private static void Row(TextWriter output, string label, double value, string counts) =>
        output.WriteLine(string.Format(Inv, "{0,-38} {1,8:0.0%}   ({2})", label, value, counts));
}
