using Microsoft.Bot.Schema;

namespace MagBot.Dialogs.Engine;

/// <summary>
/// Asks a question and waits for an answer it can recognise. An answer it cannot use gets the retry
/// wording (a hint); after <see cref="PromptOptions.MaxAttempts"/> failed tries it says so kindly and
/// ends with <see cref="PromptResult{T}.Failed"/>, so the calling dialog can move on. It keeps only
/// <see cref="PromptOptions"/> (content keys and values) between turns and renders the wording each time it asks.
/// </summary>
public abstract class Prompt<T>(string id) : Dialog(id)
{
    internal sealed class State
    {
        public PromptOptions? Options { get; set; }
        public int Attempts { get; set; }
    }

    /// <summary>Recognises the answer in <paramref name="text"/>; returns false when there is none.</summary>
    protected abstract bool TryRecognize(DialogContext dc, string text, PromptOptions options, out T value);

    public override async Task<DialogTurnResult> BeginAsync(DialogContext dc, object? options, CancellationToken cancellationToken = default)
    {
        var opts = options as PromptOptions
            ?? throw new ArgumentException($"Prompt '{Id}' needs PromptOptions; it was given {options?.GetType().Name ?? "nothing"}.", nameof(options));
        dc.SetState(new State { Options = opts });
        await AskAsync(dc, opts.PromptKey, opts, listItems: true, cancellationToken).ConfigureAwait(false);
        return DialogTurnResult.Waiting;
    }

    public override async Task<DialogTurnResult> ContinueAsync(DialogContext dc, CancellationToken cancellationToken = default)
    {
        if (dc.Turn.Activity.Type != ActivityTypes.Message) return DialogTurnResult.Waiting;
        var state = dc.GetState<State>();
        var options = state.Options ?? throw new InvalidOperationException($"Prompt '{Id}' lost its options.");
        if (TryRecognize(dc, dc.Text, options, out var value))
        {
            return await dc.EndDialogAsync(new PromptResult<T>(true, value), cancellationToken).ConfigureAwait(false);
        }

        state.Attempts++;
        dc.SetState(state);
        if (state.Attempts >= options.MaxAttempts)
        {
            if (options.GiveUpKey is { } giveUp) await dc.Replies.SendAsync(dc.Turn, dc.Replies.Text(giveUp), [], cancellationToken).ConfigureAwait(false);
            return await dc.EndDialogAsync(PromptResult<T>.Failed, cancellationToken).ConfigureAwait(false);
        }
        await AskAsync(dc, options.RetryKey ?? options.PromptKey, options, listItems: options.RetryKey is null, cancellationToken).ConfigureAwait(false);
        return DialogTurnResult.Waiting;
    }

    public override Task RepromptAsync(DialogContext dc, CancellationToken cancellationToken = default)
    {
        var options = dc.GetState<State>().Options;
        return options is null ? Task.CompletedTask : AskAsync(dc, options.PromptKey, options, listItems: true, cancellationToken);
    }

    public override bool Accepts(DialogContext dc, string text)
    {
        var options = dc.GetState<State>().Options;
        return options is not null && TryRecognize(dc, text, options, out _);
    }

    /// <summary>The options this prompt was begun with, while it is on top of the stack.</summary>
    protected PromptOptions? OptionsOf(DialogContext dc) => dc.GetState<State>().Options;

    /// <summary>The choices in the words content gives them now.</summary>
    protected static IReadOnlyList<Choice> Choices(DialogContext dc, PromptOptions options) =>
        [.. options.Choices.Select(c => c.Render(dc.Replies))];

    /// <summary>Is <paramref name="text"/> one of the buttons this prompt offers?</summary>
    protected bool IsButton(DialogContext dc, PromptOptions options, string text) =>
        Buttons(dc, options).Any(b => string.Equals(text.Trim(), b, StringComparison.OrdinalIgnoreCase));

    /// <summary>Short values listed under the question, one per line, each also a button. None by default; a prompt that
    /// lists items takes them from its own data each time, so they are never stored with the conversation.</summary>
    protected virtual IReadOnlyList<string> Items(DialogContext dc) => [];

    // Each button sends its own title.
    private IEnumerable<string> Buttons(DialogContext dc, PromptOptions options) =>
        Choices(dc, options).Select(c => c.Title)
            .Concat(Items(dc).Select(TextCase.Capitalize))
            .Concat(options.ButtonKeys.Select(k => dc.Replies.Text(k)));

    private Task AskAsync(DialogContext dc, string key, PromptOptions options, bool listItems, CancellationToken cancellationToken)
    {
        var text = dc.Replies.Text(key, options.Args);
        var items = listItems ? Items(dc) : [];
        if (items.Count > 0) text = string.Join("\n\n", [text, .. items.Select(i => "• " + i)]);
        return dc.Replies.SendAsync(dc.Turn, text, [.. Buttons(dc, options)], cancellationToken);
    }
}
