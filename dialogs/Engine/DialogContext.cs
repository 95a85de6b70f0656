using Microsoft.Bot.Builder;
using Newtonsoft.Json.Linq;

namespace MagBot.Dialogs.Engine;

/// <summary>
/// The dialog stack of one conversation during one turn: begin, continue, resume and end dialogs, and read and write
/// the active dialog's typed state. It holds only the stack (a list the application stores where it likes) and speaks
/// through <see cref="Replies"/>; the application's own data stays with the application.
/// </summary>
public sealed class DialogContext
{
    // Guards against a dialog that begins itself forever (a bug, not a user's doing).
    private const int MaxDepth = 16;

    private readonly List<DialogInstance> _stack;
    private readonly IDialogObserver? _observer;

    /// <param name="stack">The active dialogs, bottom first; changed in place, so the caller saves it after the turn.</param>
    public DialogContext(ITurnContext turn, DialogSet dialogs, List<DialogInstance> stack, IDialogReplies replies, IDialogObserver? observer = null)
    {
        Turn = turn ?? throw new ArgumentNullException(nameof(turn));
        Dialogs = dialogs ?? throw new ArgumentNullException(nameof(dialogs));
        _stack = stack ?? throw new ArgumentNullException(nameof(stack));
        Replies = replies ?? throw new ArgumentNullException(nameof(replies));
        _observer = observer;
    }

    public ITurnContext Turn { get; }
    public DialogSet Dialogs { get; }
    public IDialogReplies Replies { get; }

    /// <summary>The active dialogs, bottom first (read-only: change it through begin, end, cancel and restore).</summary>
    public IReadOnlyList<DialogInstance> Stack => _stack;

    /// <summary>The user's message text, trimmed; empty for attachment-only or non-message activities.</summary>
    public string Text => Turn.Activity?.Text?.Trim() ?? string.Empty;

    public DialogInstance? Active => _stack.Count > 0 ? _stack[^1] : null;

    public Dialog? ActiveDialog => Active is { } a && Dialogs.Contains(a.Id) ? Dialogs.Find(a.Id) : null;

    /// <summary>Ids on the stack, bottom first (for help: "where we are").</summary>
    public IReadOnlyList<string> StackIds => _stack.Select(i => i.Id).ToList();

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
        if (_stack.Count >= MaxDepth)
            throw new InvalidOperationException($"Dialog stack is {MaxDepth} deep when beginning '{dialogId}' (stack: {string.Join(" > ", StackIds)}). A dialog is probably beginning itself.");
        if (_stack.Count == 0 && newFlow) _observer?.RootBegan(this, dialogId);
        _stack.Add(new DialogInstance { Id = dialogId });
        return await dialog.BeginAsync(this, options, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Passes the user's message to the dialog on top of the stack; <see cref="DialogTurnStatus.Empty"/> when none is.</summary>
    public async Task<DialogTurnResult> ContinueDialogAsync(CancellationToken cancellationToken = default)
    {
        if (Active is null) return DialogTurnResult.Empty;
        return await FindActive().ContinueAsync(this, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Ends the dialog on top of the stack and resumes its parent with <paramref name="result"/>. When it was the
    /// last one, the turn's result is <see cref="DialogTurnStatus.Complete"/> with <paramref name="result"/>.</summary>
    public async Task<DialogTurnResult> EndDialogAsync(object? result = null, CancellationToken cancellationToken = default)
    {
        var ending = _stack.Count == 1 ? _stack[0].Id : null;
        if (_stack.Count > 0) _stack.RemoveAt(_stack.Count - 1);
        if (ending is not null) _observer?.RootEnded(this, ending, result);
        if (Active is null) return new DialogTurnResult(DialogTurnStatus.Complete, result);
        return await FindActive().ResumeAsync(this, result, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Ends the dialog on top and begins another in its place (loops and restarts). A flow that begins itself
    /// again in its own place (a loop) is the same flow to the observer, not a new one.</summary>
    public Task<DialogTurnResult> ReplaceDialogAsync(string dialogId, object? options = null, CancellationToken cancellationToken = default)
    {
        var loop = _stack.Count == 1 && _stack[0].Id == dialogId;
        if (_stack.Count > 0) _stack.RemoveAt(_stack.Count - 1);
        return PushAsync(dialogId, options, newFlow: !loop, cancellationToken);
    }

    /// <summary>Clears the whole stack without resuming anyone (cancel, start over, an alarm). The observer is not told:
    /// the caller knows why the flow was dropped.</summary>
    public DialogTurnResult CancelAll()
    {
        _stack.Clear();
        return new DialogTurnResult(DialogTurnStatus.Cancelled);
    }

    /// <summary>Takes the whole stack off without ending anyone and returns it, to be put back later with
    /// <see cref="RestoreAsync"/> (a flow left for a side question).</summary>
    public IReadOnlyList<DialogInstance> SuspendAll()
    {
        List<DialogInstance> taken = [.. _stack];
        _stack.Clear();
        return taken;
    }

    /// <summary>Puts a stack taken by <see cref="SuspendAll"/> back, on top of what is there, and asks its question again.</summary>
    public async Task<DialogTurnResult> RestoreAsync(IReadOnlyList<DialogInstance> suspended, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(suspended);
        if (suspended.Count == 0) return Active is null ? DialogTurnResult.Empty : DialogTurnResult.Waiting;
        if (_stack.Count + suspended.Count > MaxDepth)
            throw new InvalidOperationException($"Restoring {suspended.Count} dialogs would make the stack deeper than {MaxDepth} (stack: {string.Join(" > ", StackIds)}).");
        _stack.AddRange(suspended);
        await RepromptAsync(cancellationToken).ConfigureAwait(false);
        return DialogTurnResult.Waiting;
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
