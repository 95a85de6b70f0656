using System.Diagnostics;
using MagBot.Dialogs.Knowledge;
using MagBot.Dialogs.Safety;
using MagBot.Dialogs.Understanding;

/// <summary>
/// Where a cold start's time goes: each stage the service runs before it answers its first turn, timed once
/// in a fresh process in the order the service runs them (so each stage carries its own first-use JIT cost,
/// as it does in the service). Run it several times on a busy machine: one cold run is one sample.
/// </summary>
internal static class StartupStages
{
    public static void Run()
    {
        var total = Stopwatch.StartNew();
        var content = Time("content catalog (parse every file, forbidden-claims build and scan)", () => ContentCatalog.LoadEmbedded());
        var lexicon = Time("medication lexicon", () => MedicationLexicon.LoadEmbedded(content));
        var finder = new LexiconMedicationFinder(new MedicationRecognizer(lexicon));
        Time("intent recognizer from the shipped model", () => IntentRecognizer.ForEmbeddedTraining(finder));
        Time("intent recognizer trained here (what the shipped model saves)", () => new IntentRecognizer(finder));
        var interim = Time("red-flag rules for the backtracking interpreter (first turns)", () => StagedRedFlagScreen.LoadInterim(content));
        Time("food catalog", () => FoodCatalog.LoadEmbedded(content));
        Time("RDA table", () => RdaTable.LoadEmbedded(content));
        Time("first safety screen (interim rules)", () => interim.Match("help"));
        Time("red-flag rules for the linear-time engine (background)", () => RedFlagRuleSet.Embedded);
        Time("quantity recognizers (background)", () => { new QuantityRecognizer().WarmUp(); return 0; });
        Console.WriteLine(FormattableString.Invariant($"{total.Elapsed.TotalMilliseconds,8:0} ms  total"));
    }

    private static T Time<T>(string name, Func<T> stage)
    {
        var sw = Stopwatch.StartNew();
        var result = stage();
        Console.WriteLine(FormattableString.Invariant($"{sw.Elapsed.TotalMilliseconds,8:0} ms  {name}"));
        return result;
    }
}
