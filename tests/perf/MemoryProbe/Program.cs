using System.Globalization;
using MagBot.Cli;
using MagBot.Dialogs.Safety;
using MagBot.Dialogs.Understanding;
using MagBot.Storage;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.DependencyInjection;

// Runs N conversations through the real bot (one "help" turn each) into the embedded store, then
// reports how much the managed heap grew per conversation after a full, compacting GC.
// With "stages" first: times each understanding stage and a whole turn, to show where a turn's time goes.
// With "startup" first: times each stage of a cold start, in a fresh process.
// With "state" first: the bytes stored per conversation after each step of each flow (read back from the store).
if (args.FirstOrDefault() == "startup")
{
    StartupStages.Run();
    return;
}
if (args.FirstOrDefault() == "state")
{
    await StateBytes.RunAsync();
    return;
}
if (args.FirstOrDefault() == "stages")
{
    await Stages.RunAsync();
    return;
}
var n = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 100_000;
using var services = InProcessBot.Create();
var bot = services.GetRequiredService<IBot>();
var storage = (MemoryCacheStorage)services.GetRequiredService<IStorage>();
var adapter = new DiscardingAdapter();

// Everything built once per process lands before the baseline, not in it: the start-up builds and the quantity
// recognizers (built when a prompt first needs them), which would otherwise be counted as if the conversations held them.
await services.GetRequiredService<MagBot.Dialogs.Bot.ConversationStartup>().SafetyModel;
services.GetRequiredService<QuantityRecognizer>().WarmUp();
for (var i = 0; i < 50; i++) await adapter.TurnAsync(bot, "warm-up-" + i.ToString(CultureInfo.InvariantCulture), "help");
var before = Heap();
for (var i = 0; i < n; i++)
{
    await adapter.TurnAsync(bot, "probe-" + i.ToString(CultureInfo.InvariantCulture), "help");
}
var after = Heap();
var grew = after - before;
Console.WriteLine(FormattableString.Invariant(
    $"RESULT {{\"conversations\":{n},\"heap_bytes\":{grew},\"bytes_per_conversation\":{(double)grew / n:0.0},\"stored_items\":{storage.Count}}}"));
GC.KeepAlive(storage);

static long Heap()
{
    GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
    GC.WaitForPendingFinalizers();
    GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
    return GC.GetTotalMemory(forceFullCollection: true);
}

internal sealed class DiscardingAdapter : BotAdapter
{
    public Task TurnAsync(IBot bot, string conversationId, string text) => TurnAsync(bot, conversationId, text, ActivityTypes.Message);

    public async Task TurnAsync(IBot bot, string conversationId, string? text, string type)
    {
        var activity = new Activity
        {
            Type = type,
            MembersAdded = type == ActivityTypes.ConversationUpdate ? [new ChannelAccount("u-" + conversationId)] : null,
            Id = "m",
            ChannelId = "emulator",
            ServiceUrl = "http://127.0.0.1:9/",
            From = new ChannelAccount("u-" + conversationId),
            Recipient = new ChannelAccount("bot"),
            Conversation = new ConversationAccount(id: conversationId),
            Text = text,
        };
        using var context = new TurnContext(this, activity);
        await RunPipelineAsync(context, bot.OnTurnAsync, CancellationToken.None);
    }

    public override Task<ResourceResponse[]> SendActivitiesAsync(ITurnContext turnContext, Activity[] activities, CancellationToken cancellationToken) =>
        Task.FromResult(activities.Select(_ => new ResourceResponse("r")).ToArray());

    public override Task<ResourceResponse> UpdateActivityAsync(ITurnContext turnContext, Activity activity, CancellationToken cancellationToken) =>
        throw new NotSupportedException();

    public override Task DeleteActivityAsync(ITurnContext turnContext, ConversationReference reference, CancellationToken cancellationToken) =>
        throw new NotSupportedException();
}
