using MagBot.Dialogs.Knowledge;

namespace MagBot.Dialogs.Replies;

/// <summary>
/// A source of what a reply says, numbered in the order it is cited in that reply. <see cref="Url"/> is where a
/// person can open it; <see cref="Reference"/> is the bibliographic line (journal, label version) shown with it.
/// </summary>
public sealed record ReplyCitation(int Position, string Title, string Publisher, string? Url, string? Reference)
{
    /// <summary>The distinct <paramref name="sources"/> as numbered citations, in order of first citation.</summary>
    public static IReadOnlyList<ReplyCitation> Of(IEnumerable<ContentSource> sources) =>
        [.. sources.DistinctBy(s => s.Id, StringComparer.Ordinal).Select((s, i) => new ReplyCitation(i + 1, s.Title, s.Publisher, s.Url, s.Citation))];
}
