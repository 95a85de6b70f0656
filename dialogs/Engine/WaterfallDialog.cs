using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace MagBot.Dialogs.Engine;

/// <summary>
/// A dialog of ordered steps. Each step ends in exactly one call: a prompt or child dialog
/// (<see cref="WaterfallStep{TValues}.PromptAsync"/>, <see cref="WaterfallStep{TValues}.BeginDialogAsync"/>),
/// <see cref="WaterfallStep{TValues}.NextAsync"/> or <see cref="WaterfallStep{TValues}.EndAsync"/>.
/// <typeparamref name="TValues"/> is the dialog's typed state, saved between turns.
/// </summary>
public abstract class WaterfallDialog<TValues>(string id) : Dialog(id) where TValues : class, new()
{
    public delegate Task<DialogTurnResult> Step(WaterfallStep<TValues> step, CancellationToken cancellationToken);

    /// <summary>The steps, in order. Called once per use; keep it a plain list of method groups.</summary>
    protected abstract IReadOnlyList<Step> Steps { get; }

    internal sealed class State
    {
        public int Index { get; set; }
        public TValues Values { get; set; } = new();

        /// <summary>What the dialog was begun with, for the steps of the turn that begins it. Not stored: it may
        /// hold the person's words, and a later step keeps what it needs in <see cref="Values"/>.</summary>
        [JsonIgnore]
        public JToken? Options { get; set; }
    }

    public override Task<DialogTurnResult> BeginAsync(DialogContext dc, object? options, CancellationToken cancellationToken = default)
    {
        var state = new State { Index = -1, Options = options is null ? null : JToken.FromObject(options, DialogStateJson.Serializer) };
        return RunStepAsync(dc, dc.Active!, state, 0, options, cancellationToken);
    }

    /// <summary>A message arrived with no prompt open: the text is the result of the current step.</summary>
    public override Task<DialogTurnResult> ContinueAsync(DialogContext dc, CancellationToken cancellationToken = default)
    {
        var state = dc.Active!.State.ToObject<State>(DialogStateJson.Serializer) ?? new State();
        return RunStepAsync(dc, dc.Active!, state, state.Index + 1, dc.Text, cancellationToken);
    }

    public override Task<DialogTurnResult> ResumeAsync(DialogContext dc, object? result, CancellationToken cancellationToken = default)
    {
        var state = dc.Active!.State.ToObject<State>(DialogStateJson.Serializer) ?? new State();
        return RunStepAsync(dc, dc.Active!, state, state.Index + 1, result, cancellationToken);
    }

    public override Task RepromptAsync(DialogContext dc, CancellationToken cancellationToken = default) => Task.CompletedTask;

    internal async Task<DialogTurnResult> RunStepAsync(DialogContext dc, DialogInstance instance, State state, int index, object? result, CancellationToken cancellationToken)
    {
        var steps = Steps;
        if (index >= steps.Count)
        {
            return await dc.EndDialogAsync(OnCompleted(state.Values), cancellationToken).ConfigureAwait(false);
        }
        state.Index = index;
        instance.State = JObject.FromObject(state, DialogStateJson.Serializer);
        var step = new WaterfallStep<TValues>(this, dc, instance, state, index, result);
        var outcome = await steps[index](step, cancellationToken).ConfigureAwait(false);
        // The step may have begun a child (the instance is then below the top) or ended this dialog;
        // either way its values are written back to its own instance.
        instance.State = JObject.FromObject(state, DialogStateJson.Serializer);
        return outcome;
    }

    /// <summary>The value this dialog ends with when it runs out of steps. Default: its values.</summary>
    protected virtual object? OnCompleted(TValues values) => values;

    internal static TOptions? ReadOptions<TOptions>(State state) => state.Options is null ? default : state.Options.ToObject<TOptions>(DialogStateJson.Serializer);
}

/// <summary>What one waterfall step sees: the dialog context, the typed values, and the previous step's result.</summary>
public sealed class WaterfallStep<TValues> where TValues : class, new()
{
    private readonly WaterfallDialog<TValues> _dialog;
    private readonly DialogInstance _instance;
    private readonly WaterfallDialog<TValues>.State _state;

    internal WaterfallStep(WaterfallDialog<TValues> dialog, DialogContext dc, DialogInstance instance, WaterfallDialog<TValues>.State state, int index, object? result)
    {
        _dialog = dialog;
        Context = dc;
        _instance = instance;
        _state = state;
        Index = index;
        Result = result;
    }

    public DialogContext Context { get; }
    public int Index { get; }

    /// <summary>The previous step's result: a prompt's <see cref="PromptResult{T}"/>, a child's result, or the typed text.</summary>
    public object? Result { get; }

    /// <summary>The dialog's typed state; changes are saved when the step returns.</summary>
    public TValues Values => _state.Values;

    /// <summary>What the dialog was begun with: only in the turn that begins it (not stored; see the state).</summary>
    public TOptions? Options<TOptions>() => WaterfallDialog<TValues>.ReadOptions<TOptions>(_state);

    public Task<DialogTurnResult> NextAsync(object? result = null, CancellationToken cancellationToken = default) =>
        _dialog.RunStepAsync(Context, _instance, _state, Index + 1, result, cancellationToken);

    public Task<DialogTurnResult> PromptAsync(string promptId, PromptOptions options, CancellationToken cancellationToken = default) =>
        Context.BeginDialogAsync(promptId, options, cancellationToken);

    public Task<DialogTurnResult> BeginDialogAsync(string dialogId, object? options = null, CancellationToken cancellationToken = default) =>
        Context.BeginDialogAsync(dialogId, options, cancellationToken);

    public Task<DialogTurnResult> EndAsync(object? result = null, CancellationToken cancellationToken = default) =>
        Context.EndDialogAsync(result, cancellationToken);
}
