using MagBot.Dialogs.Knowledge;
using MagBot.Dialogs.Replies;

namespace MagBot.Dialogs.Bot;

/// <summary>
/// The urgent replies end by saying the chat stops ("I've stopped our chat here"). That is true when the alarm ends the
/// flow. When the medication check was waiting, its question stays behind the reply (see
/// <c>ConversationRunner.KeepsTheCheckWaiting</c>), so the same reply says instead that the check is on hold. Only that
/// clause changes: the advice, the numbers and the sources are the screen's, word for word.
/// </summary>
public static class UrgentReplyWording
{
    /// <summary>The content keys of the two clauses, English and Spanish: (what the reply says, what it says in the check).</summary>
    public static IReadOnlyList<(string Stopped, string OnHold)> Clauses { get; } =
    [
        ("urgent.stopped", "urgent.check_on_hold"),
        ("urgent.stopped.es", "urgent.check_on_hold.es"),
    ];

    /// <summary>The reply as it reads while the medication check waits behind it.</summary>
    public static Reply WithCheckOnHold(Reply reply, ContentCatalog content)
    {
        ArgumentNullException.ThrowIfNull(reply);
        ArgumentNullException.ThrowIfNull(content);
        if (reply.Text is not { } text) return reply;
        foreach (var (stopped, onHold) in Clauses)
            text = text.Replace(content.Text(stopped), content.Text(onHold), StringComparison.Ordinal);
        return reply with { Text = text };
    }
}
