using MagBot.Dialogs.Bot;
using MagBot.Dialogs.Knowledge;
using MagBot.Dialogs.Understanding.Answers;
using MagBot.Dialogs.Understanding;
using MagBot.Dialogs.Understanding.Classification;
using MagBot.Dialogs.Understanding.Evaluation;
using MagBot.Dialogs.Understanding.Labelled;
using Microsoft.Extensions.DependencyInjection;

namespace MagBot.Cli;

/// <summary>
/// <c>magbot nlu-eval [--model logistic-regression|naive-bayes|keyword] FILE</c>: scores understanding on a
/// labelled file (intents and/or medications). <c>magbot nlu-eval --cross-validate [--folds N] [--model M]</c>:
/// k-fold cross-validation over the embedded training split, for comparing models without touching held-out data.
/// Exit codes: 0 evaluated, 1 the file cannot be used (the message names file and line), 2 bad arguments.
/// </summary>
public static class NluEvalCommand
{
    public const string Usage = "Usage: magbot nlu-eval [--model logistic-regression|naive-bayes|keyword] FILE\n" +
                                "       magbot nlu-eval --medication-check FILE.tsv [--show-mistakes]\n" +
                                "       magbot nlu-eval --cross-validate [--folds 5] [--model logistic-regression|naive-bayes|keyword]\n" +
                                "       magbot nlu-eval --answers-cross-validate [--folds 5]";

    public static int Run(IReadOnlyList<string> args, TextWriter output, TextWriter error)
    {
        string? file = null;
        string model = "logistic-regression";
        var crossValidate = false;
        var medicationCheck = false;
        var showMistakes = false;
        var answersCrossValidate = false;
        var folds = 5;
        for (var i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--model" when i + 1 < args.Count: model = args[++i]; break;
                case "--cross-validate": crossValidate = true; break;
                case "--medication-check": medicationCheck = true; break;
                case "--show-mistakes": showMistakes = true; break;
                case "--answers-cross-validate": answersCrossValidate = true; break;
                case "--folds" when i + 1 < args.Count && int.TryParse(args[i + 1], out folds) && folds >= 2: i++; break;
                case var a when a.StartsWith('-'):
                    error.WriteLine($"Unknown or incomplete option '{a}'.\n{Usage}");
                    return 2;
                default: file = args[i]; break;
            }
        }
        if (model is not ("logistic-regression" or "naive-bayes" or "keyword"))
        {
            error.WriteLine($"Unknown model '{model}'.\n{Usage}");
            return 2;
        }
        if (!crossValidate && !answersCrossValidate && file is null)
        {
            error.WriteLine($"nlu-eval needs a labelled file.\n{Usage}");
            return 2;
        }

        if (medicationCheck) return MedicationCheck.CheckEvalCommand.Run(file!, showMistakes, output, error);

        using var services = InProcessBot.Create();
        var medications = services.GetRequiredService<IMedicationFinder>();
        var trainingFile = NluDataFile.LoadTraining();
        var training = trainingFile.Utterances;
        var cues = new IntentCues(trainingFile.Cues);
        Func<IReadOnlyList<LabelledUtterance>, IIntentRecognizer> build = model switch
        {
            "keyword" => _ => new KeywordIntentRecognizer(),
            "naive-bayes" => t => new IntentRecognizer(t, cues, medications, IntentModelKind.NaiveBayes),
            _ => t => new IntentRecognizer(t, cues, medications),
        };
        var writer = new NluReportWriter(output);

        if (answersCrossValidate)
        {
            var questions = FactQuestions.LoadEmbedded(services.GetRequiredService<ContentCatalog>());
            var examples = FactRetriever.Examples(questions);
            var quantities = services.GetRequiredService<QuantityRecognizer>();
            var vocabulary = training.Select(t => t.Text).SelectMany(MessageWords.VocabularyOf).ToList();
            var sentences = FactRetriever.AnswerSentences(questions);
            var alone = NluEvaluator.CrossValidateAnswers(examples, folds, e => FactRetriever.Train([.. e, .. sentences], quantities, vocabulary));
            writer.WriteAnswerSweep(alone, $"{folds}-fold cross-validation of the fact retriever alone on its attached questions ({examples.Count})");
            var weighed = NluEvaluator.CrossValidateAnswers(examples, folds, e => FactRetriever.Train([.. e, .. sentences], quantities, vocabulary, questions.TopicOf),
                services.GetRequiredService<IIntentRecognizer>());
            writer.WriteAnswerSweep(weighed, $"the same, facts weighed by the recognised topic (other topics x{FactRetriever.OtherTopicWeight})");
            // The questions understanding would clarify: a fact is shown instead only when it is of a topic that would be offered.
            var understanding = services.GetRequiredService<IIntentRecognizer>();
            var clarified = weighed
                .Select(w => (w, Intent: understanding.Recognize(w.Text)))
                .Where(x => ClarifyPolicy.ShouldClarify(x.Intent) && IntentRecognizer.IsTopic(x.Intent.Intent))
                .Select(x => x.w.Answer.Ranked.Count > 0 && questions.TopicOf.TryGetValue(x.w.Answer.Ranked[0].Class, out var topic)
                    && x.Intent.Alternatives.Select(a => a.Intent).Prepend(x.Intent.Intent).Contains(topic)
                    ? x.w : (x.w.Text, x.w.Class, FactAnswer.DontKnow(0, [])))
                .ToList();
            writer.WriteAnswerSweep(clarified, $"the {clarified.Count} questions understanding would clarify, a fact shown only of an offered topic " +
                $"(the bot's threshold there: {FactRetriever.ClarifiedAnswerThreshold})");
            return 0;
        }
        if (crossValidate)
        {
            var cv = NluEvaluator.CrossValidate(training, folds, build, ConversationRunner.ClarifyThreshold);
            writer.WriteIntents(cv, $"{folds}-fold cross-validation of {model} on the training split ({training.Count} examples)");
            writer.WriteClarifySweep(cv);
            return 0;
        }

        NluDataFile data;
        try
        {
            data = NluDataFile.Load(file!);
        }
        catch (NluDataException ex)
        {
            error.WriteLine($"Cannot evaluate {ex.Message}");
            return 1;
        }

        var recognizer = model == "logistic-regression" ? services.GetRequiredService<IIntentRecognizer>() : build(training);
        if (recognizer is IntentRecognizer built)
            output.WriteLine($"trained on {training.Count} examples in {built.TrainingTime.TotalMilliseconds:0} ms ({built.TrainingCpuTime.TotalMilliseconds:0} ms of processor time)");
        if (data.Utterances.Count > 0)
        {
            var evaluation = NluEvaluator.EvaluateIntents(recognizer, data.Utterances, ConversationRunner.ClarifyThreshold);
            writer.WriteIntents(evaluation, $"{model} on {data.Name}");
            writer.WriteClarifySweep(evaluation);
            // Short messages ("help", "thank you") are naturally written the same in both splits; say how much that counts.
            var trained = training.Select(t => TextNormalizer.Normalize(t.Text)).ToHashSet(StringComparer.Ordinal);
            var unseen = evaluation.Predictions.Where(p => !trained.Contains(TextNormalizer.Normalize(p.Example.Text))).ToList();
            if (unseen.Count < evaluation.Count)
            {
                output.WriteLine(string.Format(System.Globalization.CultureInfo.InvariantCulture,
                    "note: {0} of {1} examples are written exactly as in the training split; accuracy on the other {2}: {3:0.0%}",
                    evaluation.Count - unseen.Count, evaluation.Count, unseen.Count, unseen.Count == 0 ? 0 : (double)unseen.Count(p => p.IsCorrect) / unseen.Count));
                output.WriteLine();
            }
        }
        if (data.Questions.Count > 0)
        {
            var retriever = services.GetRequiredService<FactRetriever>();
            writer.WriteAnswers(NluEvaluator.EvaluateAnswers(retriever, recognizer, data.Questions), $"intent, then fact retriever, on {data.Name}", retriever.TopicOf);
            writer.WriteAnswers(NluEvaluator.EvaluateAnswers(retriever, null, data.Questions), $"fact retriever alone on {data.Name}");
            // Short questions are naturally written the same by two people; say how many the retriever learnt word for word.
            var attached = FactRetriever.Examples(FactQuestions.LoadEmbedded(services.GetRequiredService<ContentCatalog>()))
                .Select(e => TextNormalizer.Normalize(e.Text)).ToHashSet(StringComparer.Ordinal);
            output.WriteLine($"note: {data.Questions.Count(q => attached.Contains(TextNormalizer.Normalize(q.Text)))} of {data.Questions.Count} questions are written exactly as a question attached to a fact");
            output.WriteLine();
        }
        if (data.Medications.Count > 0)
        {
            if (medications.IsAvailable) writer.WriteMedications(NluEvaluator.EvaluateMedications(medications, data.Medications));
            else output.WriteLine($"== Medications: {data.Medications.Count} labelled messages, not measured: no medication lexicon is registered in this build.");
        }
        return 0;
    }
}
