using MagBot.Dialogs.Engine;
using MagBot.Dialogs.Replies;
using MagBot.Dialogs.Understanding;

namespace MagBot.Dialogs.Bot;

/// <summary>After a side question: "Would you like to go back to …?" It ends with a <see cref="ResumeAnswer"/>; the
/// runner, which keeps the flow the user left, restores it (yes) or forgets it (no, or an answer that is neither).</summary>
public sealed class ResumeOfferDialog() : Dialog(ConversationRunner.ResumeDialogId)
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

    public override Task<DialogTurnResult> ContinueAsync(DialogContext dc, CancellationToken cancellationToken = default) =>
        dc.EndDialogAsync(new ResumeAnswer(Answer(dc, dc.Text) == true), cancellationToken);

    private static bool? Answer(DialogContext dc, string text) =>
        string.Equals(text, dc.Content.Text("resume.yes"), StringComparison.OrdinalIgnoreCase) ? true
        : string.Equals(text, dc.Content.Text("resume.no"), StringComparison.OrdinalIgnoreCase) ? false
        : YesNoRecognizer.Recognize(text);
}

/// <summary>What the resume offer ends with: go back to the flow that was left, or not.</summary>
public sealed record ResumeAnswer(bool GoBack);
