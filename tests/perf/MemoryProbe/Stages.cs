using System.Diagnostics;
using System.Globalization;
using MagBot.Cli;
using MagBot.Dialogs.Safety;
using MagBot.Dialogs.Understanding;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.DependencyInjection;

/// <summary>Mean microseconds and bytes allocated per call of each stage a message goes through, over the benchmark's texts.</summary>
internal static class Stages
{
    private static readonly string[] Texts = ["help", "what foods have magnesium", "tell me about fibro", "how does magnesium work"];

    public static async Task RunAsync(int iterations = 4000)
    {
        using var services = InProcessBot.Create();
        // Time the screen on the linear-time rules it runs on once started, not on the interim ones of the first seconds.
        await MagBot.Dialogs.ConversationStartup.LinearRedFlags;
        var safety = services.GetRequiredService<ISafetyScreen>();
        var intents = services.GetRequiredService<IIntentRecognizer>();
        var medications = services.GetRequiredService<MedicationRecognizer>();
        var bot = services.GetRequiredService<IBot>();
        var adapter = new DiscardingAdapter();

        Time("safety screen", iterations, i => safety.Screen(Texts[i % Texts.Length]));
        Time("intent recognizer (includes its medication lookup)", iterations, i => intents.Recognize(Texts[i % Texts.Length]));
        Time("medication recognizer", iterations, i => medications.Recognize(Texts[i % Texts.Length]));
        await TimeAsync("whole turn in-process (state in the embedded store)", iterations,
            i => adapter.TurnAsync(bot, "stage-" + (i % 1000).ToString(CultureInfo.InvariantCulture), Texts[i % Texts.Length]));
    }

    private static void Time(string name, int n, Action<int> action)
    {
        for (var i = 0; i < 200; i++) action(i);
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var sw = Stopwatch.StartNew();
        for (var i = 0; i < n; i++) action(i);
        Print(name, sw.Elapsed, GC.GetTotalAllocatedBytes(precise: true) - allocated, n);
    }

    private static async Task TimeAsync(string name, int n, Func<int, Task> action)
    {
        for (var i = 0; i < 200; i++) await action(i);
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var sw = Stopwatch.StartNew();
        for (var i = 0; i < n; i++) await action(i);
        Print(name, sw.Elapsed, GC.GetTotalAllocatedBytes(precise: true) - allocated, n);
    }

    // Bytes allocated per call too: under load, allocation (and the collections it causes) costs as much as the work.
    private static void Print(string name, TimeSpan elapsed, long allocatedBytes, int n) =>
        Console.WriteLine(FormattableString.Invariant($"{elapsed.TotalMicroseconds / n,9:0.0} µs {allocatedBytes / n,9:N0} B  {name}"));
}
