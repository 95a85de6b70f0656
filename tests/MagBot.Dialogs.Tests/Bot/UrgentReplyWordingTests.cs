using MagBot.Dialogs.Bot;
using MagBot.Dialogs.Knowledge;
using MagBot.Dialogs.Replies;

namespace MagBot.Dialogs.Tests.Bot;

/// <summary>The urgent replies' closing clause is swapped while the medication check waits; the swap is plain text, so
/// every reply must hold the clause exactly as the content key has it, in its own language.</summary>
public sealed class UrgentReplyWordingTests
{
    private static readonly ContentCatalog Content = ContentCatalog.LoadEmbedded();

    public static TheoryData<string> UrgentReplyKeys() =>
        [.. Content.Entries.Select(e => e.Key).Where(k => k.StartsWith("redflag.", StringComparison.Ordinal))];

    [Theory]
    [MemberData(nameof(UrgentReplyKeys))]
    public void Every_urgent_reply_holds_the_stopped_clause_once_so_the_check_can_say_it_is_on_hold(string key)
    {
        var spanish = key.EndsWith(".es", StringComparison.Ordinal);
        var clause = Content.Text(spanish ? "urgent.stopped.es" : "urgent.stopped");
        var text = Content.Entry(key).Text;

        Assert.Equal(1, Count(text, clause));

        var onHold = UrgentReplyWording.WithCheckOnHold(new Reply { Text = text }, Content).Text!;
        Assert.Equal(0, Count(onHold, clause));
        Assert.Contains(Content.Text(spanish ? "urgent.check_on_hold.es" : "urgent.check_on_hold"), onHold, StringComparison.Ordinal);
        // The advice before the clause is untouched.
        Assert.Equal(text[..text.IndexOf(clause, StringComparison.Ordinal)], onHold[..text.IndexOf(clause, StringComparison.Ordinal)]);
    }

    [Fact]
    public void Replies_without_the_clause_are_left_as_they_are()
    {
        var reply = new Reply { Text = Content.Text("safetynet.symptom") };
        Assert.Equal(reply.Text, UrgentReplyWording.WithCheckOnHold(reply, Content).Text);
    }

    private static int Count(string text, string part)
    {
        var n = 0;
        for (var i = text.IndexOf(part, StringComparison.Ordinal); i >= 0; i = text.IndexOf(part, i + part.Length, StringComparison.Ordinal)) n++;
        return n;
    }
}
