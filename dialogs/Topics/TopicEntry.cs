namespace MagBot.Dialogs.Topics;

/// <summary>One row of the topic table (<c>topic-table.yaml</c>): a topic's dialog id, the intent that starts it, the
/// content key of its button, its place in the main menu, and, for an information topic, its title, facts and follow-ups.</summary>
public sealed record TopicEntry(
    string Id,
    string Intent,
    string ButtonKey,
    int? MenuOrder,
    string? TitleKey,
    IReadOnlyList<string> FactKeys,
    IReadOnlyList<string> FollowUpKeys)
{
    /// <summary>A topic that answers in one turn from its facts (<see cref="InfoTopicDialog"/>); the others have their own dialog.</summary>
    public bool IsInformation => FactKeys.Count > 0;
}
