using MagBot.Dialogs.Engine;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Bot.Schema;
using Newtonsoft.Json;

namespace MagBot.Dialogs.Tests.Engine;

/// <summary>
/// The engine alone, over the Bot Framework <see cref="TestAdapter"/>, with no MagBot content or understanding: a turn
/// continues the active dialog or, when none is active, begins <c>root</c>. The stack goes through JSON between turns,
/// as it does in storage, so a dialog that keeps something outside its typed state loses it here too.
/// Wording is the key itself, or the key with its arguments ("ask.age(min=1)"), so tests read what was asked.
/// </summary>
internal sealed class EngineHarness(params Dialog[] dialogs)
{
    private string _stored = "[]";

    public DialogSet Dialogs { get; } = new(dialogs);
    public KeyReplies Replies { get; } = new();
    public RecordingObserver Observer { get; } = new();

    /// <summary>The result of each turn, in order.</summary>
    public List<DialogTurnResult> Results { get; } = [];

    public List<DialogInstance> StoredStack => JsonConvert.DeserializeObject<List<DialogInstance>>(_stored)!;

    public TestFlow Flow(string root, object? options = null) =>
        new(new TestAdapter(), (turn, cancellationToken) => TurnAsync(turn, root, options, cancellationToken));

    /// <summary>One turn with a context the test drives itself (for calls a conversation does not make).</summary>
    public async Task<T> WithContextAsync<T>(Func<DialogContext, Task<T>> act)
    {
        var adapter = new TestAdapter();
        T value = default!;
        await new TestFlow(adapter, async (turn, _) =>
        {
            var stack = StoredStack;
            value = await act(new DialogContext(turn, Dialogs, stack, Replies, Observer));
            _stored = JsonConvert.SerializeObject(stack);
        }).Send("hi").StartTestAsync();
        return value;
    }

    private async Task TurnAsync(ITurnContext turn, string root, object? options, CancellationToken cancellationToken)
    {
        var stack = StoredStack;
        var dc = new DialogContext(turn, Dialogs, stack, Replies, Observer);
        var result = await dc.ContinueDialogAsync(cancellationToken);
        if (result.Status == DialogTurnStatus.Empty) result = await dc.BeginDialogAsync(root, options, cancellationToken);
        Results.Add(result);
        _stored = JsonConvert.SerializeObject(stack);
    }
}

/// <summary>Wording by key with no content behind it; what is sent carries its buttons as suggested actions.</summary>
internal sealed class KeyReplies : IDialogReplies
{
    public string Text(string key, IReadOnlyDictionary<string, string?>? args = null) =>
        args is null || args.Count == 0 ? key : $"{key}({string.Join(",", args.Select(a => $"{a.Key}={a.Value}"))})";

    public Task SendAsync(ITurnContext turn, string text, IReadOnlyList<string> buttons, CancellationToken cancellationToken = default) =>
        turn.SendActivityAsync(buttons.Count == 0 ? MessageFactory.Text(text) : MessageFactory.SuggestedActions((IEnumerable<string>)buttons, text, null, null), cancellationToken);

    public static string[] ButtonsOf(IActivity activity) =>
        [.. ((IMessageActivity)activity).SuggestedActions?.Actions?.Select(a => a.Title) ?? []];
}

/// <summary>Remembers what the engine told its observer.</summary>
internal sealed class RecordingObserver : IDialogObserver
{
    public List<string> Events { get; } = [];

    public void RootBegan(DialogContext dc, string dialogId) => Events.Add("began " + dialogId);

    public void RootEnded(DialogContext dc, string dialogId, object? result) => Events.Add($"ended {dialogId}");
}

/// <summary>A waterfall built from lambdas, for tests: each step is given as a function of the step context.</summary>
internal sealed class LambdaWaterfall(string id, params WaterfallDialog<LambdaWaterfall.Values>.Step[] steps) : WaterfallDialog<LambdaWaterfall.Values>(id)
{
    public sealed class Values
    {
        public List<string> Seen { get; set; } = [];
    }

    protected override IReadOnlyList<Step> Steps => steps;
}
