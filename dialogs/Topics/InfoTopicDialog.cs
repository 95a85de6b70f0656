using MagBot.Dialogs.Engine;
using Microsoft.Extensions.Options;

namespace MagBot.Dialogs.Topics;

/// <summary>
/// A topic that answers in one turn: a few fact messages, a "Source:" line naming where they came
/// from, and follow-up buttons; then it ends, so the buttons start the next topic from the top level.
/// </summary>
public abstract class InfoTopicDialog(string id, IOptions<ClinicOptions> clinic) : Dialog(id)
{
    /// <summary>The facts shown, in order, one message each.</summary>
    public abstract IReadOnlyList<string> FactKeys { get; }

    /// <summary>Content keys of the 2–3 follow-up button titles (menu titles the runner maps to topics).</summary>
    public abstract IReadOnlyList<string> FollowUpKeys { get; }

    public override async Task<DialogTurnResult> BeginAsync(DialogContext dc, object? options, CancellationToken cancellationToken = default)
    {
        await TopicReplies.SendFactsAsync(dc, FactKeys, clinic.Value.Placeholders(), cancellationToken).ConfigureAwait(false);
        await TopicReplies.SendClosingAsync(dc, TopicReplies.SourcesOf(dc, FactKeys), FollowUpKeys, cancellationToken).ConfigureAwait(false);
        return await dc.EndDialogAsync(null, cancellationToken).ConfigureAwait(false);
    }
}
