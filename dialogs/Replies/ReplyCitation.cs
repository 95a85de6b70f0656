namespace MagBot.Dialogs.Replies;

/// <summary>
/// A source of what a reply says, numbered in the order it is cited in that reply. <see cref="Url"/> is where a
/// person can open it; <see cref="Reference"/> is the bibliographic line (journal, label version) shown with it.
/// </summary>
public sealed record ReplyCitation(int Position, string Title, string Publisher, string? Url, string? Reference);
