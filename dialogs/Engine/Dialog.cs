namespace MagBot.Dialogs.Engine;

/// <summary>
/// A conversation step that can span turns: it begins, receives the user's messages while it is on
/// top of the stack, is resumed with a child's result, and ends with a result for its parent.
/// </summary>
public abstract class Dialog(string id)
{
    public string Id { get; } = !string.IsNullOrWhiteSpace(id) ? id : throw new ArgumentException("A dialog needs an id.", nameof(id));

    /// <summary>Content key of a short name for this dialog ("the medication check"), used by help and "back to…" offers.</summary>
    public virtual string? TitleKey => null;

    public abstract Task<DialogTurnResult> BeginAsync(DialogContext dc, object? options, CancellationToken cancellationToken = default);

    /// <summary>The user sent a message while this dialog was on top. Default: end.</summary>
    public virtual Task<DialogTurnResult> ContinueAsync(DialogContext dc, CancellationToken cancellationToken = default) =>
        dc.EndDialogAsync(null, cancellationToken);

    /// <summary>A child dialog this one began has ended with <paramref name="result"/>. Default: end with it.</summary>
    public virtual Task<DialogTurnResult> ResumeAsync(DialogContext dc, object? result, CancellationToken cancellationToken = default) =>
        dc.EndDialogAsync(result, cancellationToken);

    /// <summary>Ask again what the dialog is waiting for (after help, or when the user returns to this flow).</summary>
    public virtual Task RepromptAsync(DialogContext dc, CancellationToken cancellationToken = default) => Task.CompletedTask;

    /// <summary>Would this dialog, waiting on top of the stack, accept <paramref name="text"/> as its answer?
    /// Lets a prompt keep "foods" as the answer to "which topic?" instead of it being taken as a new topic.</summary>
    public virtual bool Accepts(DialogContext dc, string text) => false;
}
