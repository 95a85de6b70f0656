using System.Globalization;
using MagBot.Dialogs.Understanding;
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
            "acted on and right {0:0.0%}; acted on and wrong (a wrong topic, command or reply) {1:0.0%} ({2}); clarified {3:0.0%} (score below {4:0.00} or two topics within {5:0.00}); accuracy when it acts {6:0.0%}",
            e.ActedCorrectRate, e.WrongActedRate, e.ConfidentMistakes.Count, e.ClarifyRate, e.ClarifyThreshold, ClarifyPolicy.TopicMargin, e.ConfidentAccuracy));
        output.WriteLine(string.Format(Inv, "sent to a wrong topic {0:0.0%} ({1})", e.WrongTopicRate, e.WrongTopics.Count));
        output.WriteLine(string.Format(Inv, "mean confidence when right {0:0.00}, when wrong {1:0.00}; expected calibration error {2:0.000}",
            e.MeanConfidence(true), e.MeanConfidence(false), e.CalibrationError));
        output.WriteLine("== Where the messages went");
        foreach (var (outcome, count) in e.Breakdown())
            output.WriteLine(string.Format(Inv, "{0,-48} {1,4}  {2,6:0.0%}", outcome, count, e.Count == 0 ? 0 : (double)count / e.Count));
        output.WriteLine();
        WriteConfusion(e);
        output.WriteLine();
        output.WriteLine($"== Intent mistakes ({e.Mistakes.Count})");
        foreach (var m in e.Mistakes.OrderBy(m => m.Example.Intent, StringComparer.Ordinal))
        {
            output.WriteLine(string.Format(Inv, "line {0,4}  expected {1,-16} got {2,-16} {3:0.00} {4,-9} \"{5}\"",
                m.Example.Line, m.Example.Intent, m.Result.Intent, m.Result.Score, e.Clarifies(m) ? "clarified" : "ACTED", m.Example.Text));
        }
        output.WriteLine();
    }

    /// <summary>What other clarifying rules would have done with the same predictions (for choosing <see cref="ClarifyPolicy"/>'s figures).</summary>
    public void WriteClarifySweep(IntentEvaluation e)
    {
        output.WriteLine("== Clarifying rule: threshold and topic margin (acted right / acted wrong / of which a wrong topic / clarified)");
        foreach (var t in new[] { 0.4, 0.5, 0.6, 0.7 })
        {
            foreach (var m in new[] { 0.0, 0.25, 0.5, 0.6, 0.7 })
            {
                bool Clarifies(IntentResult r) => r.Score < t || (IntentRecognizer.IsTopic(r.Intent) && r.Alternatives.Count > 0
                    && IntentRecognizer.IsTopic(r.Alternatives[0].Intent) && r.Score - r.Alternatives[0].Score < m);
                var acted = e.Predictions.Where(p => !Clarifies(p.Result)).ToList();
                double n = e.Count;
                output.WriteLine(string.Format(Inv, "threshold {0:0.00} margin {1:0.00}: {2,6:0.0%} {3,6:0.0%} {4,6:0.0%} {5,6:0.0%}", t, m,
                    acted.Count(p => p.IsCorrect) / n, acted.Count(p => !p.IsCorrect) / n,
                    acted.Count(p => !p.IsCorrect && IntentRecognizer.IsTopic(p.Result.Intent)) / n, (e.Count - acted.Count) / n));
            }
        }
        output.WriteLine();
    }

    public void WriteAnswers(AnswerEvaluation e, string title, Func<string, string?>? topicOf = null)
    {
        output.WriteLine($"== Answers: {title}");
        output.WriteLine(string.Format(Inv, "questions {0}   top-1 {1:0.0%}   top-2 {2:0.0%}   don't know {3:0.0%}   wrong fact shown {4:0.0%}",
            e.Count, e.Top1Rate, e.Top2Rate, e.DontKnowRate, e.WrongRate));
        output.WriteLine(string.Format(Inv, "of questions a fact answers: top-1 {0:0.0%}; of questions no fact answers: \"don't know\" {1:0.0%}",
            e.Top1OnAnswerable, e.DontKnowOnUnanswerable));
        if (topicOf is not null)
        {
            output.WriteLine($"== Where the answer misses come from ({e.Mistakes.Count} of {e.Count})");
            foreach (var (cause, count) in e.Breakdown(topicOf))
                output.WriteLine(string.Format(Inv, "{0,-64} {1,4}  {2,6:0.0%}", cause, count, e.Count == 0 ? 0 : (double)count / e.Count));
        }
        output.WriteLine($"== Answer mistakes ({e.Mistakes.Count})");
        foreach (var m in e.Mistakes)
        {
            var got = m.Answered ? string.Join("|", m.Answer.Keys) : m.Answer.Kind == Dialogs.Understanding.Answers.AnswerKind.Overview ? "(overview)" : "(don't know)";
            // A question the intent step kept from the facts (clarified, or not an information topic) says which intent it got.
            var intent = m.Intent is { } i && !Dialogs.Understanding.Answers.FactRetriever.AnswersFor(i)
                ? string.Format(Inv, " [intent {0} {1:0.00}{2}]", i.Intent, i.Score, Dialogs.Understanding.ClarifyPolicy.ShouldClarify(i) ? ", clarified" : "")
                : "";
            var cause = topicOf is null ? "" : " {" + AnswerEvaluation.Cause(m, topicOf) + "}";
            output.WriteLine(string.Format(Inv, "line {0,4}  expected {1,-40} got {2,-40} {3:0.00} {4} \"{5}\"{6}{7}",
                m.Example.Line, m.Example.Expected.Count == 0 ? "none" : string.Join("|", m.Example.Expected), got, m.Answer.Score, m.Wrong ? "WRONG" : "", m.Example.Text, intent, cause));
        }
        output.WriteLine();
    }

    /// <summary>The retriever's cross-validated answers at several thresholds: how many right, wrong and "don't know".</summary>
    public void WriteAnswerSweep(IReadOnlyList<(string Text, string Class, Dialogs.Understanding.Answers.FactAnswer Answer)> cv, string title)
    {
        output.WriteLine($"== Answers: {title}");
        output.WriteLine($"{"threshold",9} {"right",7} {"wrong",7} {"don't know",11}");
        foreach (var t in new[] { 0.0, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.6, 0.7 })
        {
            int right = 0, wrong = 0, unknown = 0;
            foreach (var (_, cls, answer) in cv)
            {
                var top = answer.Ranked.Count > 0 ? answer.Ranked[0] : ("", 0.0);
                var answers = top.Item1 is not ("" or Dialogs.Understanding.Answers.FactRetriever.OverviewClass or Dialogs.Understanding.Answers.FactRetriever.UnansweredClass) && top.Item2 >= t;
                var expectsFact = cls is not (Dialogs.Understanding.Answers.FactRetriever.OverviewClass or Dialogs.Understanding.Answers.FactRetriever.UnansweredClass);
                if (!answers) unknown++;
                else if (expectsFact && top.Item1 == cls) right++;
                else wrong++;
            }
            output.WriteLine(string.Format(Inv, "{0,9:0.00} {1,7:0.0%} {2,7:0.0%} {3,11:0.0%}", t, (double)right / cv.Count, (double)wrong / cv.Count, (double)unknown / cv.Count));
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
