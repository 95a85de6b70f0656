namespace MagBot.Dialogs.Feedback;

/// <summary>What a rating is about: the content key of a sourced answer and the topic (dialog id) it was given in.
/// Both are fixed names from the content files and the dialog set, safe as metric attributes.</summary>
public sealed record FeedbackTarget(string ContentKey, string Topic)
{
    /// <summary>For a rating that names no answer (the feedback command before any sourced answer).</summary>
    public static FeedbackTarget General { get; } = new("general", "none");
}

/// <summary>The two ratings, as Web Chat (LikeAction/DislikeAction) and Teams (<c>reaction</c>) name them.</summary>
public static class FeedbackRatings
{
    public const string Like = "like";
    public const string Dislike = "dislike";
}

/// <summary>A rating as it arrived: from Web Chat's buttons, a Teams invoke or the feedback command. <see cref="Target"/>
/// is what the message said it rates (not yet checked); <see cref="Comment"/> is the person's own words, never logged.</summary>
public sealed record FeedbackSubmission(string Rating, FeedbackTarget? Target, string? Comment, string Via);
