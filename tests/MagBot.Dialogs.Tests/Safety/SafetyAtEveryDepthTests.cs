using MagBot.Dialogs.Safety;
using MagBot.Dialogs.Tests.Support;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;

namespace MagBot.Dialogs.Tests.Safety;

/// <summary>Through the whole bot: a red flag at any depth gets the urgent guidance as the first reply, and the flow is cleared.</summary>
public sealed class SafetyAtEveryDepthTests
{
    public enum Depth { Idle, NotWelcomed, InsideTopicPrompt, InsideResumeOffer, AfterPromptRetry }

    private static readonly (string Text, string Number)[] OnePerCategory =
    [
        ("worst headache of my life", "911"),
        ("my face is drooping on one side", "911"),
        ("I have chest pain", "911"),
        ("I'm 34 weeks pregnant with a terrible headache and blurry vision", "911"),
        // "The whole bottle" alone may be on purpose: the trained layer reads it as an intentional overdose, whose reply
        // gives the emergency number first and then the crisis line (the first build sent Poison Help only).
        ("I took the whole bottle", "911"),
        ("my toddler got into my magnesium gummies, no idea how many he ate", "1-800-222-1222"),
        ("we all have headaches and feel sick since the furnace came on", "911"),
        ("tengo el peor dolor de cabeza de mi vida", "911"),
        ("quiero morirme, no aguanto más el dolor", "988"),
        ("i dont want to be here anymore", "988"),
        ("my headache gets worse every time I cough", "911"),
    ];

    public static TheoryData<Depth, string, string> Rows()
    {
        var rows = new TheoryData<Depth, string, string>();
        foreach (var depth in Enum.GetValues<Depth>())
            foreach (var (text, number) in OnePerCategory) rows.Add(depth, text, number);
        return rows;
    }

    internal static async Task GoToAsync(BotConversation conv, Depth depth)
    {
        if (depth != Depth.NotWelcomed) await conv.JoinAsync();
        switch (depth)
        {
            case Depth.InsideTopicPrompt:
                Assert.Contains(ProbeTopics.AskText, (await conv.SendAsync(ProbeTopics.StartTopic)).AllText());
                break;
            case Depth.AfterPromptRetry:
                Assert.Contains(ProbeTopics.AskText, (await conv.SendAsync(ProbeTopics.StartTopic)).AllText());
                await conv.SendAsync("banana"); // not a dose: the prompt asks again and keeps waiting
                break;
            case Depth.InsideResumeOffer:
                await conv.SendAsync(ProbeTopics.StartTopic);
                var side = await conv.SendAsync(ProbeTopics.SideQuestion);
                Assert.Contains(ProbeTopics.SideText, side.AllText());
                Assert.Contains("go back", side.AllText(), StringComparison.OrdinalIgnoreCase);
                break;
        }
    }

    [Theory]
    [MemberData(nameof(Rows))]
    public async Task Red_flag_gets_urgent_guidance_first_and_clears_the_flow(Depth depth, string text, string number)
    {
        using var conv = new BotConversation(configure: ProbeTopics.Configure);
        await GoToAsync(conv, depth);
        if (depth is Depth.InsideTopicPrompt or Depth.AfterPromptRetry or Depth.InsideResumeOffer)
            Assert.NotEmpty((JArray)(await StoredState.ConversationDataAsync(conv))!["Stack"]!);

        var replies = await conv.SendAsync(text);

        var expected = conv.Services.GetRequiredService<ISafetyScreen>().Screen(text);
        Assert.NotNull(expected);
        Assert.NotEmpty(replies);
        Assert.Equal(expected.Replies[0].Text, replies[0].Text);
        Assert.Contains(number, replies[0].Text!.Split('\n')[0]);
        Assert.Equal(expected.Replies.Count, replies.Count); // nothing after the guidance: the flow stopped
        var data = await StoredState.ConversationDataAsync(conv);
        Assert.NotNull(data);
        Assert.Empty((JArray)data["Stack"]!);
        Assert.True(data["Suspended"] is null || data["Suspended"]!.Type == JTokenType.Null);

        // The old prompt no longer takes answers: a dose now is not the end of the probe topic.
        Assert.DoesNotContain(ProbeTopics.DoneText, (await conv.SendAsync("200")).AllText());
    }

    [Theory]
    [InlineData("i dont want to be here anymore", "116 123")]
    [InlineData("worst headache of my life", "112")]
    [InlineData("my face is drooping on one side", "112")]
    [InlineData("I want to kill myself", "112")]
    public async Task Non_us_configuration_numbers_appear_and_911_does_not(string text, string number)
    {
        var settings = new Dictionary<string, string?> { ["Clinic:EmergencyNumber"] = "112", ["Clinic:CrisisLine"] = "116 123" };
        using var conv = new BotConversation(settings, configure: ProbeTopics.Configure);
        await GoToAsync(conv, Depth.InsideTopicPrompt);
        var replies = await conv.SendAsync(text);
        var all = replies.AllText();
        Assert.Contains(number, replies[0].Text);
        Assert.DoesNotContain("911", all);
        Assert.DoesNotContain("988", all);
    }

    [Fact]
    public async Task Crisis_reply_names_both_the_crisis_line_and_the_emergency_number()
    {
        var settings = new Dictionary<string, string?> { ["Clinic:EmergencyNumber"] = "112", ["Clinic:CrisisLine"] = "116 123" };
        using var conv = new BotConversation(settings);
        var reply = (await conv.SendAsync("I want to kill myself"))[0].Text!;
        Assert.Contains("116 123", reply.Split('\n')[0]);
        Assert.Contains("112", reply);
    }

    [Fact]
    public async Task Urgent_guidance_comes_before_the_restart_notice_when_stored_state_is_unreadable()
    {
        using var conv = new BotConversation(configure: ProbeTopics.Configure);
        await GoToAsync(conv, Depth.InsideTopicPrompt);
        var storage = conv.Services.GetRequiredService<IStorage>();
        var key = StoredState.ConversationKey(conv.Adapter);
        var item = (JObject)JObject.FromObject((await storage.ReadAsync([key]))[key]);
        item["MagBot.Conversation"]!["Version"] = 999; // written by a future build
        item["eTag"] = "*";
        await storage.WriteAsync(new Dictionary<string, object> { [key] = item });

        var replies = await conv.SendAsync("I have chest pain");
        Assert.Contains("Call 911 now", replies[0].Text);
        Assert.DoesNotContain("start fresh", replies[0].Text);
    }

    [Fact]
    public async Task Red_flag_typed_into_a_card_form_is_screened()
    {
        using var conv = new BotConversation();
        var activity = new Microsoft.Bot.Schema.Activity
        {
            Type = Microsoft.Bot.Schema.ActivityTypes.Message,
            Value = new JObject { ["symptoms"] = "the worst headache of my life" },
        };
        var replies = await conv.SendActivityAsync(activity);
        Assert.Contains("Call 911 now", replies[0].Text);
    }

    [Fact]
    public async Task After_urgent_guidance_the_bot_carries_on_normally()
    {
        using var conv = new BotConversation(configure: ProbeTopics.Configure);
        await GoToAsync(conv, Depth.InsideTopicPrompt);
        await conv.SendAsync("I have chest pain");
        Assert.Contains(ProbeTopics.AskText, (await conv.SendAsync(ProbeTopics.StartTopic)).AllText());
    }
}
