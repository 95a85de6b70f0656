using MagBot.Dialogs.Engine;
using MagBot.Dialogs.Telemetry;
using MagBot.Dialogs.Replies;
using MagBot.Dialogs.Understanding;

namespace MagBot.Dialogs.Bot;

/// <summary>After a side question: "Would you like to go back to …?" Yes restores the flow the user left
/// and asks its question again; no forgets it.</summary>
public sealed class ResumeOfferDialog(ConversationMetrics metrics) : Dialog(ConversationRunner.ResumeDialogId)
{
    private sealed class State
    {
        public string Where { get; set; } = string.Empty;
    }

    public override async Task<DialogTurnResult> BeginAsync(DialogContext dc, object? options, CancellationToken cancellationToken = default)
    {
        dc.SetState(new State { Where = options as string ?? string.Empty });
        await RepromptAsync(dc, cancellationToken).ConfigureAwait(false);
        return DialogTurnResult.Waiting;
    }

    public override Task RepromptAsync(DialogContext dc, CancellationToken cancellationToken = default) =>
        dc.SendAsync(new Reply
        {
            Text = dc.Content.Text("resume.offer", new Dictionary<string, string?> { ["where"] = dc.GetState<State>().Where }),
            Buttons = [ReplyButton.Same(dc.Content.Text("resume.yes")), ReplyButton.Same(dc.Content.Text("resume.no"))],
        }, cancellationToken);

    public override bool Accepts(DialogContext dc, string text) => Answer(dc, text) is not null;

    public override async Task<DialogTurnResult> ContinueAsync(DialogContext dc, CancellationToken cancellationToken = default)
    {
        var answer = Answer(dc, dc.Text);
        var suspended = dc.Data.Suspended;
        dc.Data.Suspended = null;
        dc.Data.Stack.RemoveAt(dc.Data.Stack.Count - 1);
        if (answer == true && suspended is { Count: > 0 })
        {
            dc.Data.Stack.AddRange(suspended);
            await dc.RepromptAsync(cancellationToken).ConfigureAwait(false);
            return DialogTurnResult.Waiting;
        }
        // "No", or an answer that is neither: the flow is left behind.
        metrics.Abandoned(suspended, ConversationMetrics.Reasons.NotResumed);
        await dc.SendTextAsync("cancel.done", cancellationToken: cancellationToken).ConfigureAwait(false);
        return new DialogTurnResult(DialogTurnStatus.Complete);
    }

    private static bool? Answer(DialogContext dc, string text) =>
        string.Equals(text, dc.Content.Text("resume.yes"), StringComparison.OrdinalIgnoreCase) ? true
        : string.Equals(text, dc.Content.Text("resume.no"), StringComparison.OrdinalIgnoreCase) ? false
        : YesNoRecognizer.Recognize(text);
}
