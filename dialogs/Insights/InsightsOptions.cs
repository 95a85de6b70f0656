namespace MagBot.Dialogs.Insights;

/// <summary>
/// What the clinic keeps for its content team (section <c>Insights</c>). Everything is off by default: a clinic turns
/// each on knowingly, and forget me erases what was kept about the person who asks.
/// </summary>
public sealed class InsightsOptions
{
    public const string SectionName = "Insights";

    /// <summary>Keep each message MagBot could not place, redacted (<see cref="PersonalDetailsRedactor"/>), for
    /// <c>magbot unanswered</c>.</summary>
    public bool KeepUnanswered { get; set; }

    /// <summary>Keep the comment a person adds to a feedback rating (redacted like unanswered questions). Ratings are
    /// counted either way; without this, comments are dropped.</summary>
    public bool CollectFeedbackComments { get; set; }

    /// <summary>How long a kept question or comment lives. The service gives the stored list this period instead of
    /// <c>Storage:Retention</c> (<c>StorageOptions.KeyRetention</c>), so a quiet night does not end it.</summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(30);

    /// <summary>The most items kept of each kind; the oldest go first (one stored item holds them all).</summary>
    public int MaxItems { get; set; } = 2000;

    /// <summary>The longest redacted text kept, in characters.</summary>
    public const int MaxTextLength = 300;
}
