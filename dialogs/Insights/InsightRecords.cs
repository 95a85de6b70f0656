namespace MagBot.Dialogs.Insights;

/// <summary>Everything kept for the content team, as one stored item (<see cref="InsightStore.StorageKey"/>).</summary>
public sealed class InsightLog
{
    public List<UnansweredQuestion> Unanswered { get; set; } = [];
    public List<FeedbackComment> Comments { get; set; } = [];
}

/// <summary>A message MagBot could not place, redacted. <see cref="Owner"/> and <see cref="Person"/> are hashes of the
/// conversation and the user, never their ids, so forget me can find it and nobody can tell from it who asked.</summary>
public sealed class UnansweredQuestion
{
    public string Text { get; set; } = string.Empty;
    /// <summary><c>none</c> (no topic fitted) or <c>no_fact</c> (a topic fitted but no fact answers it).</summary>
    public string Kind { get; set; } = "none";
    /// <summary>The intent understanding guessed (a fixed name), for grouping by topic.</summary>
    public string Topic { get; set; } = "none";
    public DateTimeOffset At { get; set; }
    public string Owner { get; set; } = string.Empty;
    public string Person { get; set; } = string.Empty;
}

/// <summary>A feedback comment, redacted, with the content it rated.</summary>
public sealed class FeedbackComment
{
    public string Text { get; set; } = string.Empty;
    public string Rating { get; set; } = string.Empty;
    public string ContentKey { get; set; } = string.Empty;
    public string Topic { get; set; } = string.Empty;
    public DateTimeOffset At { get; set; }
    public string Owner { get; set; } = string.Empty;
    public string Person { get; set; } = string.Empty;
}

/// <summary>How many items are kept for one person (for "what do you know about me").</summary>
public sealed record InsightCounts(int Unanswered, int Comments)
{
    public static InsightCounts None { get; } = new(0, 0);
}
