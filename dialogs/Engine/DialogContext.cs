using MagBot.Dialogs.Knowledge;
using MagBot.Dialogs.Replies;
using Microsoft.Bot.Builder;
using Newtonsoft.Json.Linq;

namespace MagBot.Dialogs.Engine;

/// <summary>
/// The dialog stack of one conversation during one turn: begin, continue, resume and end dialogs,
/// read and write the active dialog's typed state, and send replies rendered for the channel.
/// </summary>
public sealed class DialogContext(ITurnContext turn, DialogSet dialogs, ConversationData data, ContentCatalog content, IDialogObserver? observer = null)
{
    // Guards against a dialog that begins itself forever (a bug, not a user's doing).
    private const int MaxDepth = 16;

    public ITurnContext Turn { get; } = turn;
    public DialogSet Dialogs { get; } = dialogs;
    public ConversationData Data { get; } = data;
    public ContentCatalog Content { get; } = content;

    /// <summary>The user's message text, trimmed; empty for attachment-only or non-message activities.</summary>
    public string Text => Turn.Activity?.Text?.Trim() ?? string.Empty;

    public DialogInstance? Active => Data.Stack.Count > 0 ? Data.Stack[^1] : null;

    public Dialog? ActiveDialog => Active is { } a && Dialogs.Contains(a.Id) ? Dialogs.Find(a.Id) : null;

    /// <summary>Ids on the stack, bottom first (for help: "where we are").</summary>
    public IReadOnlyList<string> StackIds => Data.Stack.Select(i => i.Id).ToList();

    public Task SendAsync(Reply reply, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reply);
        if (reply.ShownOnlyWithoutCitations && CitationMarkup.IsShownOn(Turn.Activity?.ChannelId)) return Task.CompletedTask;
        if (reply.Citations.Count > 0 && reply.Rateable)
        {
            // A sourced answer: rateable, and the one the feedback command rates until the next.
            var topic = Data.Stack.FirstOrDefault()?.Id ?? TopicHint ?? "none";
            var target = new Feedback.FeedbackTarget(reply.FeedbackKey ?? topic, topic);
            Data.LastSourced = target;
            reply = reply with { Feedback = target };
        }
        return Turn.SendActivityAsync(ReplyRenderer.Render(reply, Turn.Activity?.ChannelId), cancellationToken);
    }

    /// <summary>The topic (dialog id) an answer given outside any dialog belongs to (a specific question's topic).</summary>
    public string? TopicHint { get; set; }

    /// <summary>Sends the wording of a content key, with placeholders filled.</summary>
    public Task SendTextAsync(string key, IReadOnlyDictionary<string, string?>? args = null, CancellationToken cancellationToken = default) =>
        SendAsync(new Reply { Text = Content.Text(key, args) }, cancellationToken);

    public T GetState<T>() where T : class, new() =>
        Active?.State.ToObject<T>(DialogStateJson.Serializer) ?? new T();

    public void SetState<T>(T state) where T : class
    {
        var active = Active ?? throw new InvalidOperationException("No dialog is active: SetState must be called by the dialog on top of the stack.");
        active.State = JObject.FromObject(state, DialogStateJson.Serializer);
    }

    public Task<DialogTurnResult> BeginDialogAsync(string dialogId, object? options = null, CancellationToken cancellationToken = default) =>
        PushAsync(dialogId, options, newFlow: true, cancellationToken);

    private async Task<DialogTurnResult> PushAsync(string dialogId, object? options, bool newFlow, CancellationToken cancellationToken)
    {
        var dialog = Dialogs.Find(dialogId);
        if (Data.Stack.Count >= MaxDepth)
            throw new InvalidOperationException($"Dialog stack is {MaxDepth} deep when beginning '{dialogId}' (stack: {string.Join(" > ", StackIds)}). A dialog is probably beginning itself.");
        if (Data.Stack.Count == 0 && newFlow) observer?.RootBegan(this, dialogId);
        Data.Stack.Add(new DialogInstance { Id = dialogId });
        return await dialog.BeginAsync(this, options, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Passes the user's message to the dialog on top of the stack.</summary>
    public async Task<DialogTurnResult> ContinueDialogAsync(CancellationToken cancellationToken = default)
    {
        if (Active is null) return DialogTurnResult.Empty;
        return await FindActive().ContinueAsync(this, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Ends the dialog on top of the stack and resumes its parent with <paramref name="result"/>.</summary>
    public async Task<DialogTurnResult> EndDialogAsync(object? result = null, CancellationToken cancellationToken = default)
    {
        var ending = Data.Stack.Count == 1 ? Data.Stack[0].Id : null;
        if (Data.Stack.Count > 0) Data.Stack.RemoveAt(Data.Stack.Count - 1);
        if (ending is not null) observer?.RootEnded(this, ending, result);
        if (Active is null) return new DialogTurnResult(DialogTurnStatus.Complete, result);
        return await FindActive().ResumeAsync(this, result, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Ends the dialog on top and begins another in its place (loops and restarts). A flow that begins itself
    /// again in its own place (a loop) is the same flow to the observer, not a new one.</summary>
    public Task<DialogTurnResult> ReplaceDialogAsync(string dialogId, object? options = null, CancellationToken cancellationToken = default)
    {
        var loop = Data.Stack.Count == 1 && Data.Stack[0].Id == dialogId;
        if (Data.Stack.Count > 0) Data.Stack.RemoveAt(Data.Stack.Count - 1);
        return PushAsync(dialogId, options, newFlow: !loop, cancellationToken);
    }

    /// <summary>Clears the whole stack without resuming anyone.</summary>
    public DialogTurnResult CancelAll()
    {
        Data.Stack.Clear();
        return new DialogTurnResult(DialogTurnStatus.Cancelled);
    }

    public Task RepromptAsync(CancellationToken cancellationToken = default) =>
        Active is null ? Task.CompletedTask : FindActive().RepromptAsync(this, cancellationToken);

    private Dialog FindActive()
    {
        var id = Active!.Id;
        if (!Dialogs.Contains(id))
            throw new InvalidOperationException($"The stored dialog stack names '{id}', which this build does not have (stack: {string.Join(" > ", StackIds)}).");
        return Dialogs.Find(id);
    }
}
