using System.Text;
using MagBot.Dialogs.Tests.Safety;
using MagBot.Dialogs.Tests.Support;

namespace MagBot.Dialogs.Tests.Bot;

/// <summary>
/// A seeded property test: thousands of random and mutated messages through the real bot, in process.
/// Property: no turn throws and every turn gets at least one reply. The seed is fixed so a failure is
/// reproducible; the failing message is printed (escaped) in the assertion.
/// </summary>
// Thousands of messages through the whole bot: tagged Slow so a local run can leave it out (--filter Category!=Slow); CI runs it.
[Trait("Category", "Slow")]
public sealed class ConversationFuzzTests
{
    private const int Seed = 20261125;
    private const int Messages = 3000;

    private static readonly string[] Seeds =
    [
        .. RedFlagPhrasings.Calm.Take(40),
        .. RedFlagPhrasings.Alarms.Take(20).Select(a => a.Text),
        .. HostileTextTests.Payloads,
        "help", "cancel", "start over", "yes", "no", "400 mg", "two hundred milligrams", "I'm 45",
        "Magnesium and migraine", "Check my medications", "Foods with magnesium", "Supplement forms",
        "lisinopril and omeprazole", "Yes, go back", "No, thanks", "👍", "1", "3",
    ];

    private static readonly string[] Oddities =
    [
        "\u200B", "\u200E", "\u202E", "\uFEFF", "\u0000", "\u0007", "\uD800", "\uDFFF", "😀", "🧂", "\u0301", "\r\n",
        "<", ">", "&", "[", "](", "![", "`", "*", "_", "{", "}", "\\", "\"", "'", "%s", "{0}", "{emergencyNumber}",
        "ﷺ", "Ⅻ", "𝔪𝔞𝔤", "İ", "ß", "\t",
    ];

    [Fact]
    public async Task Thousands_of_random_and_mutated_messages_never_throw_and_always_get_a_reply()
    {
        var random = new Random(Seed);
        var conv = new BotConversation(configure: ProbeTopics.Configure);
        try
        {
            await conv.JoinAsync();
            for (var i = 0; i < Messages; i++)
            {
                if (i % 500 == 499)
                {
                    conv.Dispose(); // a fresh conversation now and then, so early states are visited again
                    conv = new BotConversation(configure: ProbeTopics.Configure);
                }
                var message = Next(random);
                IReadOnlyList<Microsoft.Bot.Schema.IMessageActivity> replies;
                try
                {
                    replies = await conv.SendAsync(message);
                }
                catch (Exception e)
                {
                    Assert.Fail($"Message {i} threw {e.GetType().Name}: {e.Message}\nMessage: {Describe(message)}");
                    throw;
                }
                Assert.True(replies.Count >= 1, $"Message {i} got no reply: {Describe(message)}");
            }
        }
        finally
        {
            conv.Dispose();
        }
    }

    private static string Next(Random random) => random.Next(6) switch
    {
        0 => RandomUnicode(random, random.Next(0, 40)),
        1 => RandomAscii(random, random.Next(0, 80)),
        2 => Mutate(random, Seeds[random.Next(Seeds.Length)], random.Next(1, 6)),
        3 => Seeds[random.Next(Seeds.Length)] + Oddities[random.Next(Oddities.Length)] + Seeds[random.Next(Seeds.Length)],
        4 => string.Concat(Enumerable.Repeat(Seeds[random.Next(Seeds.Length)] + " ", random.Next(1, 150))),
        _ => Seeds[random.Next(Seeds.Length)],
    };

    private static string Mutate(Random random, string text, int times)
    {
        var sb = new StringBuilder(text);
        for (var t = 0; t < times; t++)
        {
            var at = sb.Length == 0 ? 0 : random.Next(sb.Length);
            switch (random.Next(5))
            {
                case 0: sb.Insert(at, Oddities[random.Next(Oddities.Length)]); break;
                case 1: if (sb.Length > 0) sb.Remove(at, 1); break;
                case 2: if (sb.Length > 1 && at < sb.Length - 1) (sb[at], sb[at + 1]) = (sb[at + 1], sb[at]); break;
                case 3: sb.Insert(at, sb.ToString(0, Math.Min(sb.Length, random.Next(1, 20)))); break;
                default: if (sb.Length > 0) sb[at] = char.ToUpperInvariant(sb[at]); break;
            }
        }
        return sb.ToString();
    }

    private static string RandomUnicode(Random random, int length)
    {
        var sb = new StringBuilder(length);
        for (var i = 0; i < length; i++) sb.Append((char)random.Next(0, 0x10000)); // includes lone surrogates on purpose
        return sb.ToString();
    }

    private static string RandomAscii(Random random, int length)
    {
        var sb = new StringBuilder(length);
        for (var i = 0; i < length; i++) sb.Append((char)random.Next(0, 128));
        return sb.ToString();
    }

    private static string Describe(string message) =>
        message.Length > 200 ? $"({message.Length} chars) " + Escape(message[..200]) + "…" : Escape(message);

    private static string Escape(string s) =>
        string.Concat(s.Select(c => c < 32 || char.IsSurrogate(c) || c > 126 ? $"\\u{(int)c:X4}" : c.ToString()));
}
