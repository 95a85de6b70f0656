using MagBot.Dialogs.Replies;
using Microsoft.Bot.Schema;

namespace MagBot.Dialogs.Engine;

/// <summary>
/// Asks a question and waits for an answer it can recognise. An answer it cannot use gets the retry
/// wording (a hint); after <see cref="PromptOptions.MaxAttempts"/> failed tries it says so kindly and
/// ends with <see cref="PromptResult{T}.Failed"/>, so the calling dialog can move on. It keeps only
/// <see cref="PromptOptions"/> (content keys) between turns and renders the wording each time it asks.
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
        await dc.SendAsync(Ask(dc, opts.PromptKey, opts), cancellationToken).ConfigureAwait(false);
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
            await dc.SendTextAsync(options.GiveUpKey, cancellationToken: cancellationToken).ConfigureAwait(false);
            return await dc.EndDialogAsync(PromptResult<T>.Failed, cancellationToken).ConfigureAwait(false);
        }
        await dc.SendAsync(Ask(dc, options.RetryKey ?? options.PromptKey, options), cancellationToken).ConfigureAwait(false);
        return DialogTurnResult.Waiting;
    }

    public override Task RepromptAsync(DialogContext dc, CancellationToken cancellationToken = default)
    {
        var options = dc.GetState<State>().Options;
        return options is null ? Task.CompletedTask : dc.SendAsync(Ask(dc, options.PromptKey, options), cancellationToken);
    }

    public override bool Accepts(DialogContext dc, string text)
    {
        var options = dc.GetState<State>().Options;
        return options is not null && TryRecognize(dc, text, options, out _);
    }

    /// <summary>The choices in the words content gives them now.</summary>
    protected static IReadOnlyList<Choice> Choices(DialogContext dc, PromptOptions options) =>
        [.. options.Choices.Select(c => c.Render(dc.Content))];

    private static Reply Ask(DialogContext dc, string key, PromptOptions options) => new()
    {
        Text = dc.Content.Text(key),
        Buttons = [.. Choices(dc, options).Select(c => ReplyButton.Same(c.Title))],
    };
}
