using MagBot.Dialogs.Engine;
using Microsoft.Extensions.Options;

namespace MagBot.Dialogs.Topics;

/// <summary>
/// An information topic, one row of the topic table: its facts, one message each, a "Source:" line naming where they
/// came from, and follow-up buttons; then it ends, so the buttons start the next topic from the top level. One class
/// serves every such row (<see cref="TopicCatalog.InformationTopics"/>).
/// </summary>
public sealed class InfoTopicDialog(TopicEntry topic, IOptions<ClinicOptions> clinic) : Dialog(topic.Id)
{
    public TopicEntry Topic { get; } = topic;

    public override string? TitleKey => Topic.TitleKey;

    /// <summary>The facts shown, in order, one message each.</summary>
    public IReadOnlyList<string> FactKeys => Topic.FactKeys;

    /// <summary>Content keys of the 2–3 follow-up button titles (buttons of other topics).</summary>
    public IReadOnlyList<string> FollowUpKeys => Topic.FollowUpKeys;

    public override async Task<DialogTurnResult> BeginAsync(DialogContext dc, object? options, CancellationToken cancellationToken = default)
    {
        await TopicReplies.SendFactsAsync(dc, FactKeys, clinic.Value.Placeholders(), cancellationToken).ConfigureAwait(false);
        await TopicReplies.SendClosingAsync(dc, TopicReplies.SourcesOf(dc, FactKeys), FollowUpKeys, cancellationToken).ConfigureAwait(false);
        return await dc.EndDialogAsync(null, cancellationToken).ConfigureAwait(false);
    }
}
