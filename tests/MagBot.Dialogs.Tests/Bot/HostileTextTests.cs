using MagBot.Dialogs.Tests.Support;
using Microsoft.Bot.Schema;
using static MagBot.Dialogs.Tests.Safety.SafetyAtEveryDepthTests;

namespace MagBot.Dialogs.Tests.Bot;

/// <summary>Conversation-level hostile and broken text: odd characters get help, long messages a polite note,
/// and nothing a user types comes back as active markup.</summary>
public sealed class HostileTextTests
{
    private const string ErrorApology = "something went wrong";

    public static TheoryData<string, string> OddInputs() => new()
    {
        { "empty", "" },
        { "spaces", "     " },
        { "tabs and newlines", "\t\r\n\t" },
        { "control characters", "\u0001\u0002\u0007\u001b[31m" },
        { "zero-width only", "\u200B\u200C\u200D\uFEFF" },
        { "direction marks only", "\u200E\u200F\u202A\u202E\u2066\u2069" },
        { "emoji only", "😀🔥🙏" },
        { "gibberish", "asdkjh qwpoeiru zzzxcv" },
        { "keyboard mash", "jjjjjjjjjjjjjjjjjjjjjjjjjjjjjjjjjjjjjjjj" },
        { "right-to-left override with words", "\u202Eetisw ni elbitsap\u202C hello" },
        { "zalgo", "Z̷̢͔̈́a̶̧͝l̸̰̈g̵̱̾o̴̮͝ magnesium" },
        { "lone surrogate", "hello \uD800 there" },
        { "nul character", "mag\0nesium" },
        { "only punctuation", "?!?!...;;;" },
        { "arabic", "ما هو المغنيسيوم" },
        { "one very long word", new string('x', 5000) },
        { "number only", "12345678901234567890" },
    };

    [Theory]
    [MemberData(nameof(OddInputs))]
    public async Task Odd_input_at_idle_gets_help_not_an_error(string name, string text)
    {
        using var conv = new BotConversation();
        await conv.JoinAsync();
        var replies = await conv.SendAsync(text);
        Assert.True(replies.Count >= 1, $"{name}: no reply");
        Assert.DoesNotContain(ErrorApology, replies.AllText(), StringComparison.OrdinalIgnoreCase);
        Assert.NotEmpty(replies.AllButtons()); // the topic menu: something to do next
    }

    [Theory]
    [MemberData(nameof(OddInputs))]
    public async Task Odd_input_inside_a_prompt_gets_a_reply_not_an_error(string name, string text)
    {
        using var conv = new BotConversation(configure: ProbeTopics.Configure);
        await GoToAsync(conv, Depth.InsideTopicPrompt);
        var replies = await conv.SendAsync(text);
        Assert.True(replies.Count >= 1, $"{name}: no reply");
        Assert.DoesNotContain(ErrorApology, replies.AllText(), StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\u200B\u200B")]
    [InlineData("\u202E\u200F")]
    [InlineData("\u0007")]
    public async Task Invisible_message_is_told_no_words_were_seen(string text)
    {
        using var conv = new BotConversation();
        var replies = await conv.SendAsync(text);
        Assert.Contains("didn't catch any words", replies.AllText());
    }

    [Fact]
    public async Task Hundred_kilobyte_message_is_answered_politely_and_read_in_part()
    {
        using var conv = new BotConversation();
        await conv.JoinAsync();
        var text = string.Concat(Enumerable.Repeat("Which foods have the most magnesium for someone with fibromyalgia? ", 1500));
        Assert.True(text.Length >= 100_000);
        var replies = await conv.SendAsync(text);
        Assert.True(replies.Count >= 2);
        Assert.Contains("long message", replies[0].Text);
        Assert.DoesNotContain(ErrorApology, replies.AllText(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Red_flag_deep_inside_a_long_message_still_comes_first()
    {
        using var conv = new BotConversation();
        var text = string.Concat(Enumerable.Repeat("I have had fibromyalgia for years and read a lot. ", 1900)) + " Today I want to kill myself.";
        Assert.True(text.Length > 90_000);
        var replies = await conv.SendAsync(text);
        Assert.Contains("988", replies[0].Text!.Split('\n')[0]);
    }

    /// <summary>Hostile payloads: HTML, script and image/link Markdown, and an Adaptive Card as text.</summary>
    public static readonly string[] Payloads =
    [
        "<script>alert('x')</script>",
        "[click](javascript:alert(1))",
        "![x](http://evil.example/pixel.png)",
        "<img src=x onerror=alert(1)>",
        """{"type":"AdaptiveCard","version":"1.5","body":[{"type":"TextBlock","text":"PWNED"}],"actions":[{"type":"Action.OpenUrl","title":"Win","url":"http://evil.example"}]}""",
        "aspirin <script>alert(1)</script> and [ibuprofen](http://evil.example)",
        "lisinopril](javascript:alert(1)) ![a](http://evil.example/a.png)",
        "<a href=\"javascript:alert(1)\">magnesium</a>",
    ];

    /// <summary>
    /// Walks the conversation the way a user can: from the welcome, every button, and the buttons those
    /// lead to (plus typed starts of the flows that ask for free text), and at every step sends each
    /// payload twice (a prompt may repeat what it was given). Wherever a dialog echoes what it was sent,
    /// the echo must be inert. One conversation is reused: "start over" and the path replayed before each payload.
    /// </summary>
    [Fact]
    public async Task No_dialog_path_echoes_user_text_as_active_markup()
    {
        var typedStarts = new[] { "check my medications", "how much magnesium should I take", "what foods have magnesium", "help" };
        var frontier = new List<string[]> { Array.Empty<string>() };
        frontier.AddRange(typedStarts.Select(t => new[] { t }));
        var visited = new HashSet<string>();
        var problems = new List<string>();
        var turns = 0;
        const int maxNodes = 40;

        using var conv = new BotConversation();
        var welcome = await conv.JoinAsync();
        while (frontier.Count > 0 && visited.Count < maxNodes)
        {
            var path = frontier[0];
            frontier.RemoveAt(0);
            if (!visited.Add(string.Join(" > ", path))) continue;

            IReadOnlyList<IMessageActivity> atNode = welcome;
            foreach (var payload in Payloads)
            {
                atNode = await ReplayAsync(conv, path, welcome);
                for (var again = 0; again < 2; again++)
                {
                    var replies = await conv.SendAsync(payload);
                    turns++;
                    problems.AddRange(ActiveMarkup.Find(replies).Select(p => $"[{string.Join(" > ", path)}] <- {payload}: {p}"));
                }
            }
            if (path.Length < 2)
            {
                foreach (var button in atNode.AllButtons().Distinct())
                    frontier.Add([.. path, button]);
            }
        }

        Assert.True(turns >= Payloads.Length * 2 * 5, $"only {turns} payload turns were walked");
        Assert.True(problems.Count == 0, string.Join("\n", problems.Take(20)));
    }

    private static async Task<IReadOnlyList<IMessageActivity>> ReplayAsync(BotConversation conv, string[] path, IReadOnlyList<IMessageActivity> welcome)
    {
        await conv.SendAsync("start over");
        IReadOnlyList<IMessageActivity> last = welcome;
        foreach (var step in path) last = await conv.SendAsync(step);
        return last;
    }

    [Theory]
    [InlineData("[click](javascript:alert(1))", @"\[click\]\(javascript:alert\(1\)\)")]
    [InlineData("<script>x</script>", "&lt;script&gt;x&lt;/script&gt;")]
    [InlineData("![x](http://evil.example)", @"\!\[x\]\(http://evil\.example\)")]
    [InlineData("abc\u202Efed\u2066x\u2069", "abcfedx")]
    [InlineData("a\u0007b\nc", "ab\nc")]
    public void Markdown_escape_makes_user_text_inert(string input, string expected) =>
        Assert.Equal(expected, MagBot.Dialogs.Replies.Markdown.Escape(input));

    [Fact]
    public void Active_markup_check_catches_unescaped_echo()
    {
        // The check itself must be able to fail: an unescaped echo is caught, the escaped one passes.
        var raw = new Activity { Type = ActivityTypes.Message, Text = "You said: " + Payloads[1] };
        var escaped = new Activity { Type = ActivityTypes.Message, Text = "You said: " + MagBot.Dialogs.Replies.Markdown.Escape(Payloads[1]) };
        var image = new Activity { Type = ActivityTypes.Message, Text = Payloads[2] };
        var script = new Activity { Type = ActivityTypes.Message, Text = Payloads[0] };
        Assert.NotEmpty(ActiveMarkup.Find([raw]));
        Assert.NotEmpty(ActiveMarkup.Find([image]));
        Assert.NotEmpty(ActiveMarkup.Find([script]));
        Assert.Empty(ActiveMarkup.Find([escaped]));
        Assert.Empty(ActiveMarkup.Find([new Activity { Type = ActivityTypes.Message, Text = MagBot.Dialogs.Replies.Markdown.Escape(Payloads[4]) }]));
    }
}
