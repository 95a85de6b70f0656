namespace MagBot.Dialogs.Engine;

/// <summary>Where a dialog stands after a turn.</summary>
public enum DialogTurnStatus
{
    /// <summary>No dialog was active: the stack is empty.</summary>
    Empty,
    /// <summary>A dialog is waiting for the user's next message.</summary>
    Waiting,
    /// <summary>The dialog finished; the result (if any) went to its parent.</summary>
    Complete,
    /// <summary>The dialog was cancelled (by the user or an interruption).</summary>
    Cancelled,
}

/// <summary>The outcome of beginning, continuing or resuming a dialog.</summary>
public sealed record DialogTurnResult(DialogTurnStatus Status, object? Result = null)
{
    public static readonly DialogTurnResult Waiting = new(DialogTurnStatus.Waiting);
    public static readonly DialogTurnResult Empty = new(DialogTurnStatus.Empty);
}
