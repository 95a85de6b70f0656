using System.Globalization;
using MagBot.Dialogs.Understanding.Evaluation;

namespace MagBot.Cli;

/// <summary>Prints an evaluation the way <c>rasa test nlu</c> does: a per-intent table, accuracy, a confusion table, the mistakes.</summary>
public sealed class NluReportWriter(TextWriter output)
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public void WriteIntents(IntentEvaluation e, string title)
    {
        output.WriteLine($"== Intents: {title}");
        output.WriteLine($"{"intent",-18} {"precision",9} {"recall",7} {"f1",6} {"support",8}");
        foreach (var s in e.Scores)
        {
            output.WriteLine(string.Format(Inv, "{0,-18} {1,9:0.000} {2,7:0.000} {3,6:0.000} {4,8}", s.Intent, s.Precision, s.Recall, s.F1, s.Support));
        }
        output.WriteLine(string.Format(Inv, "accuracy {0:0.0%} ({1}/{2})   macro F1 {3:0.000}", e.Accuracy, e.Correct, e.Count, e.MacroF1));
        output.WriteLine(string.Format(Inv,
            "confidence: below {0:0.00} the bot asks a clarifying question for {1:0.0%} of messages; accuracy when it acts {2:0.0%}; wrong and acted on: {3}",
            e.ClarifyThreshold, e.ClarifyRate, e.ConfidentAccuracy, e.ConfidentMistakes.Count));
        output.WriteLine(string.Format(Inv, "mean confidence when right {0:0.00}, when wrong {1:0.00}; expected calibration error {2:0.000}",
            e.MeanConfidence(true), e.MeanConfidence(false), e.CalibrationError));
        output.WriteLine();
        WriteConfusion(e);
        output.WriteLine();
        output.WriteLine($"== Intent mistakes ({e.Mistakes.Count})");
        foreach (var m in e.Mistakes.OrderBy(m => m.Example.Intent, StringComparer.Ordinal))
        {
            output.WriteLine(string.Format(Inv, "line {0,4}  expected {1,-16} got {2,-16} {3:0.00}  \"{4}\"",
                m.Example.Line, m.Example.Intent, m.Result.Intent, m.Result.Score, m.Example.Text));
        }
        output.WriteLine();
    }

    public void WriteMedications(MedicationEvaluation e)
    {
        output.WriteLine("== Medications");
        output.WriteLine(string.Format(Inv, "messages {0}   names expected {1}   precision {2:0.000}   recall {3:0.000}   (tp {4}, fp {5}, fn {6})",
            e.Predictions.Count, e.TruePositives + e.FalseNegatives, e.Precision, e.Recall, e.TruePositives, e.FalsePositives, e.FalseNegatives));
        output.WriteLine($"messages naming no medicine in which one was found: {e.FoundInNoneMessages.Count}");
        output.WriteLine($"== Medication mistakes ({e.Mistakes.Count})");
        foreach (var m in e.Mistakes)
        {
            output.WriteLine($"line {m.Example.Line,4}  expected [{string.Join(", ", m.Example.Expected)}] got [{string.Join(", ", m.Found)}]  \"{m.Example.Text}\"");
        }
        output.WriteLine();
    }

    /// <summary>Rows are the labelled intent, columns what was recognised; columns use short codes listed below the table.</summary>
    private void WriteConfusion(IntentEvaluation e)
    {
        output.WriteLine("== Confusion (rows: expected, columns: recognised; '.' is 0)");
        var labels = e.Labels;
        var codes = labels.Select((_, i) => "c" + (i + 1).ToString(Inv)).ToList();
        output.WriteLine($"{"",-18}" + string.Concat(codes.Select(c => $"{c,4}")));
        for (var r = 0; r < labels.Count; r++)
        {
            var cells = labels.Select(p => e.Confusion(labels[r], p)).Select(n => n == 0 ? "." : n.ToString(Inv));
            output.WriteLine($"{codes[r] + " " + labels[r],-18}" + string.Concat(cells.Select(c => $"{c,4}")));
        }
    }
}
