using Newtonsoft.Json;

namespace MagBot.Dialogs.Engine;

/// <summary>What a prompt asks, how it asks again, and when it gives up. Stored with the prompt between turns, so it
/// holds content keys and values, never rendered text: the wording is looked up each time it is sent (a waiting prompt
/// costs about 150 bytes of state instead of the 0.8–1.4 KB its texts took).</summary>
public sealed record PromptOptions
{
    /// <summary>The content key of the question.</summary>
    public required string PromptKey { get; init; }

    /// <summary>The content key sent after an answer the prompt could not use; should say what a good answer looks
    /// like. The question again when null.</summary>
    [JsonProperty(NullValueHandling = NullValueHandling.Ignore)] // null is the default: not written, so a waiting prompt stays small
    public string? RetryKey { get; init; }

    /// <summary>Values for the placeholders of the question and the retry (a medicine's name), never whole texts.</summary>
    [JsonProperty(NullValueHandling = NullValueHandling.Ignore)]
    public IReadOnlyDictionary<string, string?>? Args { get; init; }

    /// <summary>Content keys of buttons offered besides the choices ("none", "skip"); the button sends its own title.</summary>
    public IReadOnlyList<string> ButtonKeys { get; init; } = [];

    /// <summary>Sent when the prompt gives up after <see cref="MaxAttempts"/> tries. Default: a content key's wording.
    /// Null: the prompt says nothing, because the calling dialog's next step says what happened (it may name the answer).</summary>
    public string? GiveUpKey { get; init; } = "prompt.giveup";

    public int MaxAttempts { get; init; } = 3;

    /// <summary>For choice prompts: the choices offered (also shown as buttons).</summary>
    public IReadOnlyList<ChoiceKey> Choices { get; init; } = [];

    /// <summary>For number prompts: the smallest and largest acceptable value.</summary>
    [JsonProperty(NullValueHandling = NullValueHandling.Ignore)]
    public double? Min { get; init; }
    [JsonProperty(NullValueHandling = NullValueHandling.Ignore)]
    public double? Max { get; init; }
}

/// <summary>An option of a choice prompt as stored: <see cref="Value"/> is what the dialog receives, <see cref="TitleKey"/>
/// the content key of the button, <see cref="SynonymsKey"/> that of other words a person might type for it (a
/// comma-separated list).</summary>
public sealed record ChoiceKey(string Value, string TitleKey, string? SynonymsKey = null)
{
    /// <summary>The choice in the words content gives it now.</summary>
    public Choice Render(IDialogReplies replies) => new(Value, replies.Text(TitleKey),
        SynonymsKey is null ? null : replies.Text(SynonymsKey).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}

/// <summary>An option in a choice prompt, in words: <see cref="Value"/> is what the dialog receives, <see cref="Title"/> the button,
/// <see cref="Synonyms"/> other words a person might type for it.</summary>
public sealed record Choice(string Value, string Title, IReadOnlyList<string>? Synonyms = null);

/// <summary>What a prompt ends with: the value, or <see cref="Succeeded"/> false when the user gave up or ran out of tries.</summary>
public sealed record PromptResult<T>(bool Succeeded, T? Value)
{
    public static PromptResult<T> Failed { get; } = new(false, default);
}
