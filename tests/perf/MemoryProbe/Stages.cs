using System.Diagnostics;
using System.Globalization;
using MagBot.Cli;
using MagBot.Dialogs.Safety;
using MagBot.Dialogs.Understanding;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Microseconds per call of each stage a message goes through, over the benchmark's texts. Every stage is first run
/// for half a second, all of them before any is timed, so the figures are of optimized code (not of the JIT's first
/// tier, nor disturbed by its background compiling); then each runs five rounds, each after a full garbage collection. Printed: the process's processor time
/// per call (median round), which other processes on a busy shared machine hardly change, the elapsed time per
/// call of the fastest round (the one they disturbed least; on an idle machine the two agree), and the bytes allocated
/// per call: under load, allocation (and the collections it causes) costs as much as the work.
/// </summary>
internal static class Stages
{
    private const int Rounds = 5;
    private static readonly TimeSpan WarmUp = TimeSpan.FromMilliseconds(500);
    private static readonly string[] Texts = ["help", "what foods have magnesium", "tell me about fibro", "how does magnesium work"];
    private const string PastedNote = "Discharge summary: 46F admitted with a migraine lasting three days. Treated with IV fluids and an antiemetic. " +
        "Neuro exam normal, no fever, no neck stiffness. Discharged home on her usual preventive. Follow up with her GP in two weeks. " +
        "She asks whether she can add magnesium glycinate at night and how much is safe.";

    public static async Task RunAsync(int iterations = 4000)
    {
        using var services = InProcessBot.Create();
        await services.GetRequiredService<MagBot.Dialogs.Bot.ConversationStartup>().SafetyModel;
        var safety = services.GetRequiredService<ISafetyScreen>();
        var intents = services.GetRequiredService<IIntentRecognizer>();
        var medications = services.GetRequiredService<MedicationRecognizer>();
        var facts = services.GetRequiredService<MagBot.Dialogs.Understanding.Answers.FactRetriever>();
        var recognised = Texts.Select(t => intents.Recognize(t)).ToArray();
        var bot = services.GetRequiredService<IBot>();
        var adapter = new DiscardingAdapter();
        // A turn reads the medicines in its message once and hands the reading to intent recognition.
        var readings = Texts.Select(t => new MedicationReading(medications, t)).ToArray();
        foreach (var reading in readings) _ = reading.Recognition;

        (string Name, Func<int, Task>? Async, Action<int>? Sync)[] stages =
        [
            ("safety screen", null, i => safety.Screen(Texts[i % Texts.Length])),
            ("safety screen, a pasted note (6 sentences, judged each)", null, _ => safety.Screen(PastedNote)),
            ("intent recognizer (includes its medication lookup)", null, i => intents.Recognize(Texts[i % Texts.Length])),
            ("intent recognizer, medicines already read this turn", null, i => intents.Recognize(Texts[i % Texts.Length], readings[i % Texts.Length])),
            ("medication recognizer", null, i => medications.Recognize(Texts[i % Texts.Length])),
            ("intent recognizer, a greeting that opens a question", null, i => intents.Recognize("hi! " + Texts[i % Texts.Length])),
            ("fact retriever (a specific question's facts)", null, i => facts.Find(Texts[i % Texts.Length], recognised[i % Texts.Length])),
            ("whole turn in-process (state in the embedded store)",
                i => adapter.TurnAsync(bot, "stage-" + (i % 1000).ToString(CultureInfo.InvariantCulture), Texts[i % Texts.Length]), null),
        ];
        foreach (var stage in stages)
        {
            var warm = Stopwatch.StartNew();
            for (var i = 0; i < 200 || warm.Elapsed < WarmUp; i++) await RunAsync(stage.Async, stage.Sync, i);
        }
        // The JIT optimizes hot methods on a background thread a little after they get hot: let it finish first.
        await Task.Delay(TimeSpan.FromSeconds(2));
        Console.WriteLine("  cpu µs   wall µs   alloc B  stage (per call)");
        foreach (var (name, async, sync) in stages)
        {
            var rounds = new (double Cpu, double Wall, long Bytes)[Rounds];
            for (var round = 0; round < Rounds; round++)
            {
                // Garbage from earlier work is collected first, so no background collection runs into the round.
                GC.Collect();
                GC.WaitForPendingFinalizers();
                GC.Collect();
                var allocated = GC.GetTotalAllocatedBytes(precise: true);
                var cpu = ProcessorTime();
                var sw = Stopwatch.StartNew();
                if (sync is not null)
                {
                    for (var i = 0; i < iterations; i++) sync(i);
                }
                else
                {
                    for (var i = 0; i < iterations; i++) await async!(i);
                }
                rounds[round] = ((ProcessorTime() - cpu).TotalMicroseconds / iterations, sw.Elapsed.TotalMicroseconds / iterations,
                    (GC.GetTotalAllocatedBytes(precise: true) - allocated) / iterations);
            }
            var medianCpu = rounds.Select(r => r.Cpu).Order().ElementAt(Rounds / 2);
            var medianBytes = rounds.Select(r => r.Bytes).Order().ElementAt(Rounds / 2);
            Console.WriteLine(FormattableString.Invariant($"{medianCpu,8:0.0} {rounds.Min(r => r.Wall),9:0.0} {medianBytes,9:N0}  {name}"));
        }
    }

    private static Task RunAsync(Func<int, Task>? async, Action<int>? sync, int i)
    {
        if (async is not null) return async(i);
        sync!(i);
        return Task.CompletedTask;
    }

    private static TimeSpan ProcessorTime()
    {
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime;
    }
}
