using System.Globalization;
using System.Text;
using MagBot.Cli;
using MagBot.Storage;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.DependencyInjection;

/// <summary>
/// The bytes each conversation keeps in the store after every step of MagBot's flows: the conversation's and the
/// user's items read back from the embedded store (the JSON it holds, UTF-8, without the ETag), so the figure is
/// what Redis would carry per turn too. Prints a table and one <c>STATE</c> JSON line for run.py.
/// </summary>
internal static class StateBytes
{
    private const string Join = "<join>";

    // Each flow starts with the welcome a channel sends on install, as a clinic page does.
    private static readonly (string Flow, (string Step, string Text)[] Steps)[] Flows =
    [
        ("welcome", [("welcome only", Join)]),
        ("topic", [("welcome only", Join), ("fibromyalgia topic", "tell me about fibro"), ("migraine topic", "Magnesium and migraine")]),
        ("foods", [("welcome only", Join), ("foods: asked to compare", "Foods with magnesium"), ("foods: asked age", "Yes"), ("foods: asked sex", "34"), ("foods: result", "Female")]),
        ("amounts", [("welcome only", Join), ("amounts: asked to compare", "How much magnesium?"), ("amounts: asked dose", "Yes"), ("amounts: asked age", "2000 mg"), ("amounts: result", "45")]),
        ("medication check", [("welcome only", Join), ("check: asked for medicines", "Check my medications"),
            ("check: medicines read, asked for more", "norvasc, lasix and vitamin d 1000 IU"), ("check: asked about conditions", "no, that's all"),
            ("check: after the result", "none of these")]),
        ("check, 15 medicines", [("welcome only", Join), ("check: asked for medicines", "Check my medications"),
            ("check: 15 medicines read, asked for more", "norvasc, lasix, lisinopril, metformin, atorvastatin, levothyroxine, vitamin d, " +
                "omeprazole, doxycycline, alendronate, spironolactone, gabapentin, digoxin, hydrochlorothiazide and calcium carbonate"),
            ("check: asked about conditions", "no, that's all"), ("check: after the result", "none of these")]),
        ("commands", [("welcome only", Join), ("help", "help"), ("check: asked for medicines", "Check my medications"), ("start over", "start over"), ("delete my data", "delete my data")]),
    ];

    public static async Task RunAsync()
    {
        using var services = InProcessBot.Create();
        var bot = services.GetRequiredService<IBot>();
        var storage = services.GetRequiredService<IStorage>();
        var adapter = new DiscardingAdapter();
        var rows = new List<(string Flow, string Step, int Conversation, int User)>();
        var n = 0;
        foreach (var (flow, steps) in Flows)
        {
            var id = "state-" + (n++).ToString(CultureInfo.InvariantCulture);
            foreach (var (step, text) in steps)
            {
                if (text == Join) await adapter.TurnAsync(bot, id, null, ActivityTypes.ConversationUpdate);
                else await adapter.TurnAsync(bot, id, text);
                rows.Add((flow, step, await StoredBytesAsync(storage, $"emulator/conversations/{id}"), await StoredBytesAsync(storage, $"emulator/users/u-{id}")));
            }
        }
        Console.WriteLine("| flow | step | conversation bytes | user bytes | total |");
        Console.WriteLine("| --- | --- | ---: | ---: | ---: |");
        foreach (var r in rows) Console.WriteLine(FormattableString.Invariant($"| {r.Flow} | {r.Step} | {r.Conversation} | {r.User} | {r.Conversation + r.User} |"));
        var json = string.Join(",", rows.Select(r => FormattableString.Invariant(
            $"{{\"flow\":\"{r.Flow}\",\"step\":\"{r.Step.Replace("\"", "'", StringComparison.Ordinal)}\",\"conversation\":{r.Conversation},\"user\":{r.User}}}")));
        Console.WriteLine("STATE [" + json + "]");
    }

    /// <summary>The stored JSON of one item, as the store keeps it (0 when there is none).</summary>
    private static async Task<int> StoredBytesAsync(IStorage storage, string key)
    {
        var items = await storage.ReadAsync([key]);
        return items.TryGetValue(key, out var item) ? Encoding.UTF8.GetByteCount(StoreItemJson.SerializeForStore(item)) : 0;
    }
}
