using MagBot.Dialogs.Replies;

namespace MagBot.Dialogs.Engine;

/// <summary>What a prompt asks, how it asks again, and when it gives up. Stored with the prompt between turns.</summary>
public sealed record PromptOptions
{
    public required Reply Prompt { get; init; }

    /// <summary>Sent after an answer the prompt could not use; should say what a good answer looks like.</summary>
    public Reply? Retry { get; init; }

    /// <summary>Sent when the prompt gives up after <see cref="MaxAttempts"/> tries. Default: a content key's wording.
    /// Null: the prompt says nothing, because the calling dialog's next step says what happened (it may name the answer).</summary>
    public string? GiveUpKey { get; init; } = "prompt.giveup";

    public int MaxAttempts { get; init; } = 3;

    /// <summary>For choice prompts: the choices offered (also shown as buttons).</summary>
    public IReadOnlyList<Choice> Choices { get; init; } = [];

    /// <summary>For number prompts: the smallest and largest acceptable value.</summary>
    public double? Min { get; init; }
    public double? Max { get; init; }
}

/// <summary>An option in a choice prompt: <see cref="Value"/> is what the dialog receives, <see cref="Title"/> the button,
/// <see cref="Synonyms"/> other words a person might type for it.</summary>
public sealed record Choice(string Value, string Title, IReadOnlyList<string>? Synonyms = null);

/// <summary>What a prompt ends with: the value, or <see cref="Succeeded"/> false when the user gave up or ran out of tries.</summary>
public sealed record PromptResult<T>(bool Succeeded, T? Value)
{
    public static PromptResult<T> Failed { get; } = new(false, default);
}
