namespace MagBot.Dialogs.Engine;

/// <summary>
/// Told when a dialog begins or ends at the bottom of the stack (a whole flow, not its prompts), for counting flows.
/// Flows the application clears on purpose (cancel, a safety alarm) are not reported here: the application knows why.
/// </summary>
public interface IDialogObserver
{
    void RootBegan(DialogContext dc, string dialogId);

    /// <summary>The flow ended by itself, with the result it ended with.</summary>
    void RootEnded(DialogContext dc, string dialogId, object? result);
}
