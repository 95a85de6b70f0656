using System.Diagnostics;
using MagBot.Dialogs.Knowledge;
using MagBot.Dialogs.Safety;
using MagBot.Dialogs.Safety.Classification;
using MagBot.Dialogs.Understanding;

/// <summary>
/// Where a cold start's time goes: each build the service runs before it answers its first turn, timed once
/// in a fresh process, one after another (so each carries its own first-use JIT cost, as it does in the service),
/// with the processor time beside the wall clock (steadier on a shared machine). One cold run is one sample.
/// </summary>
internal static class StartupStages
{
    public static void Run()
    {
        var total = Stopwatch.StartNew();
        var content = Time("content catalog (parse every file, forbidden-claims build and scan)", () => ContentCatalog.LoadEmbedded());
        var lexicon = Time("medication lexicon", () => MedicationLexicon.LoadEmbedded(content));
        var finder = new LexiconMedicationFinder(new MedicationRecognizer(lexicon));
        var examples = Time("safety training examples (read)", SafetyTrainingData.LoadEmbedded);
        Time("safety classifier (train)", () => SafetyModel.Train(examples));
        Time("medication finder (first use)", () => finder.FindCanonicalNames("i take amlodipine"));
        Time("intent recognizer (train)", () => new IntentRecognizer(finder));
        var rules = Time("red-flag rules", () => RedFlagRuleSet.Load(ContentCatalog.ReadResource(RedFlagRuleSet.FileName), content));
        Time("fact retriever (train)", () => new MagBot.Dialogs.Understanding.Answers.FactRetriever(FactQuestions.LoadEmbedded(content), new QuantityRecognizer(),
            MagBot.Dialogs.Understanding.Labelled.NluDataFile.LoadTraining().Utterances.SelectMany(u => MagBot.Dialogs.Understanding.Classification.MessageWords.VocabularyOf(u.Text))));
        Time("food catalog", () => FoodCatalog.LoadEmbedded(content));
        Time("RDA table", () => RdaTable.LoadEmbedded(content));
        Time("first red-flag screen", () => rules.Match("help"));
        Time("quantity recognizers (when a prompt first needs them)", () => { new QuantityRecognizer().WarmUp(); return 0; });
        Console.WriteLine(FormattableString.Invariant($"{total.Elapsed.TotalMilliseconds,8:0} ms  total"));
    }

    private static T Time<T>(string name, Func<T> stage)
    {
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var sw = Stopwatch.StartNew();
        var result = stage();
        var used = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        Console.WriteLine(FormattableString.Invariant($"{sw.Elapsed.TotalMilliseconds,8:0} ms  {used.TotalMilliseconds,6:0} ms cpu  {name}"));
        return result;
    }
}
