using MagBot.Dialogs.Replies;
using Microsoft.Bot.Schema;

namespace MagBot.Dialogs.Engine;

/// <summary>
/// Asks a question and waits for an answer it can recognise. An answer it cannot use gets the retry
/// wording (a hint); after <see cref="PromptOptions.MaxAttempts"/> failed tries it says so kindly and
/// ends with <see cref="PromptResult{T}.Failed"/>, so the calling dialog can move on.
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
        await dc.SendAsync(WithChoices(opts.Prompt, opts), cancellationToken).ConfigureAwait(false);
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
            if (options.GiveUpKey is { } giveUp) await dc.SendTextAsync(giveUp, cancellationToken: cancellationToken).ConfigureAwait(false);
            return await dc.EndDialogAsync(PromptResult<T>.Failed, cancellationToken).ConfigureAwait(false);
        }
        await dc.SendAsync(WithChoices(options.Retry ?? options.Prompt, options), cancellationToken).ConfigureAwait(false);
        return DialogTurnResult.Waiting;
    }

    public override Task RepromptAsync(DialogContext dc, CancellationToken cancellationToken = default)
    {
        var options = dc.GetState<State>().Options;
        return options is null ? Task.CompletedTask : dc.SendAsync(WithChoices(options.Prompt, options), cancellationToken);
    }

    public override bool Accepts(DialogContext dc, string text)
    {
        var options = OptionsOf(dc);
        return options is not null && TryRecognize(dc, text, options, out _);
    }

    /// <summary>The options this prompt was begun with, while it is on top of the stack.</summary>
    protected PromptOptions? OptionsOf(DialogContext dc) => dc.GetState<State>().Options;

    /// <summary>Is <paramref name="text"/> one of the buttons this prompt offered?</summary>
    protected static bool IsButton(PromptOptions options, string text) =>
        options.Prompt.Buttons.Concat(options.Retry?.Buttons ?? []).Any(b => string.Equals(text.Trim(), b.Value, StringComparison.OrdinalIgnoreCase));

    private static Reply WithChoices(Reply reply, PromptOptions options) =>
        options.Choices.Count == 0 || reply.Buttons.Count > 0
            ? reply
            : reply with { Buttons = [.. options.Choices.Select(c => new ReplyButton(c.Title, c.Title))] };
}
