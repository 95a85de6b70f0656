using MagBot.Dialogs;
using MagBot.Dialogs.Engine;
using MagBot.Dialogs.Replies;

namespace MagBot.Service.Tests.Support;

/// <summary>
/// A four-step guided flow registered by storage tests (the topic dialogs land separately): each message
/// moves it one step and the reply names the step, so a conversation that lost its place shows at once.
/// Its place lives only in ConversationState, so whichever instance answers must read it from the store.
/// </summary>
public sealed class FlowTestDialog() : Dialog(Id)
{
    public new const string Id = "test.flow";
    public const int Steps = 4;

    private sealed class State
    {
        public int Step { get; set; }
    }

    public static string StepText(int step) => $"Flow step {step} of {Steps}";

    public const string DoneText = "Flow complete";

    public override async Task<DialogTurnResult> BeginAsync(DialogContext dc, object? options, CancellationToken cancellationToken = default)
    {
        dc.SetState(new State { Step = 1 });
        await RepromptAsync(dc, cancellationToken);
        return DialogTurnResult.Waiting;
    }

    public override async Task<DialogTurnResult> ContinueAsync(DialogContext dc, CancellationToken cancellationToken = default)
    {
        var state = dc.GetState<State>();
        if (state.Step >= Steps)
        {
            await dc.SendAsync(new Reply { Text = DoneText }, cancellationToken);
            return await dc.EndDialogAsync(null, cancellationToken);
        }
        dc.SetState(new State { Step = state.Step + 1 });
        await RepromptAsync(dc, cancellationToken);
        return DialogTurnResult.Waiting;
    }

    public override Task RepromptAsync(DialogContext dc, CancellationToken cancellationToken = default) =>
        dc.SendAsync(new Reply { Text = StepText(dc.GetState<State>().Step) }, cancellationToken);

    public override bool Accepts(DialogContext dc, string text) => true;
}
