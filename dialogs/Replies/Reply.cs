namespace MagBot.Dialogs.Replies;

/// <summary>
/// One message from the bot, built once and rendered for each channel by <see cref="ReplyRenderer"/>.
/// <see cref="Text"/> uses only the Markdown subset Teams and Web Chat both render
/// (bold, italics, bullet lists, links); text that came from a user must go through
/// <see cref="Markdown.Escape"/> before it is placed in it.
/// </summary>
public sealed record Reply
{
    public string? Text { get; init; }

    /// <summary>Buttons offered as suggested actions: what is shown and what is sent back when pressed.</summary>
    public IReadOnlyList<ReplyButton> Buttons { get; init; } = [];

    /// <summary>A card to attach (hero or Adaptive Card JSON), if any.</summary>
    public ReplyCard? Card { get; init; }

    /// <summary>The sources of what this message says; channels that render citations show them with it.</summary>
    public IReadOnlyList<ReplyCitation> Citations { get; init; } = [];

    /// <summary>The text on channels that show <see cref="Citations"/> (a "Source:" line is not needed there);
    /// <see cref="Text"/> when null.</summary>
    public string? TextWhereCited { get; init; }

    /// <summary>A message that only names sources (a "Source:" line): not sent where citations are shown.</summary>
    public bool ShownOnlyWithoutCitations { get; init; }

    /// <summary>False for urgent guidance: a red-flag reply is not an answer to rate.</summary>
    public bool Rateable { get; init; } = true;

    /// <summary>The content key a sourced answer comes from, for feedback; the topic's id when null.</summary>
    public string? FeedbackKey { get; init; }

    /// <summary>Set when the reply is sent (<see cref="Engine.DialogContext.SendAsync"/>): a sourced answer offers
    /// like/dislike for this content key and topic (<see cref="MagBot.Dialogs.Feedback.FeedbackMarkup"/>).</summary>
    public MagBot.Dialogs.Feedback.FeedbackTarget? Feedback { get; init; }

    /// <summary>Text read out by speech-enabled channels; defaults to <see cref="Text"/> without Markdown.</summary>
    public string? Speak { get; init; }

    public static Reply FromText(string text, params ReplyButton[] buttons) => new() { Text = text, Buttons = buttons };
}

/// <summary>A button: <paramref name="Title"/> is shown, <paramref name="Value"/> is what the bot receives.</summary>
public sealed record ReplyButton(string Title, string Value)
{
    public static ReplyButton Same(string title) => new(title, title);
}
