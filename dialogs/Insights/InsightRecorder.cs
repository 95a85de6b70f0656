using MagBot.Dialogs.Feedback;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.Logging;

namespace MagBot.Dialogs.Insights;

/// <summary>
/// The conversation's side of <see cref="InsightStore"/>: keeps an unanswered question or a feedback comment only when
/// the clinic turned that on, always redacted first; counts and forgets a person's items. Keeping is never worth a
/// failed turn: a store error is logged (without the text) and the person still gets their answer.
/// </summary>
public sealed class InsightRecorder(InsightStore store, Lazy<PersonalDetailsRedactor> redactor, ILogger<InsightRecorder> logger)
{
    public InsightsOptions Options => store.Options;

    /// <summary>Keeps a message MagBot could not place (when <see cref="InsightsOptions.KeepUnanswered"/>).</summary>
    public async Task KeepUnansweredAsync(ITurnContext turn, string text, string kind, string topic, CancellationToken cancellationToken = default)
    {
        if (!Options.KeepUnanswered) return;
        var redacted = redactor.Value.Redact(text);
        if (redacted.Length == 0) return;
        await TryAsync(() => store.AddUnansweredAsync(InsightOwner.Of(turn), redacted, kind, topic, cancellationToken), "unanswered question").ConfigureAwait(false);
    }

    /// <summary>Keeps a feedback comment (when <see cref="InsightsOptions.CollectFeedbackComments"/>); true when kept.</summary>
    public async Task<bool> KeepCommentAsync(ITurnContext turn, string comment, string rating, FeedbackTarget target, CancellationToken cancellationToken = default)
    {
        if (!Options.CollectFeedbackComments) return false;
        var redacted = redactor.Value.Redact(comment);
        if (redacted.Length == 0) return false;
        return await TryAsync(() => store.AddCommentAsync(InsightOwner.Of(turn), redacted, rating, target.ContentKey, target.Topic, cancellationToken), "feedback comment").ConfigureAwait(false);
    }

    public Task<InsightCounts> CountAsync(ITurnContext turn, CancellationToken cancellationToken = default) =>
        store.CountAsync(InsightOwner.Of(turn), cancellationToken);

    /// <summary>Forget me: erases this person's kept questions and comments (whatever the settings are now).</summary>
    public Task ForgetAsync(ITurnContext turn, CancellationToken cancellationToken = default) =>
        store.ForgetAsync(InsightOwner.Of(turn), cancellationToken);

    private async Task<bool> TryAsync(Func<Task> keep, string what)
    {
        try
        {
            await keep().ConfigureAwait(false);
            return true;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning("Could not keep a {What} ({Error})", what, e.GetType().Name);
            return false;
        }
    }
}
