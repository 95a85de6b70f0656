using MagBot.Dialogs.Feedback;
using MagBot.Dialogs.Insights;
using MagBot.Dialogs.Knowledge;
using MagBot.Dialogs.Tests.Support;
using Microsoft.Bot.Connector;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;

namespace MagBot.Dialogs.Tests.Feedback;

/// <summary>Feedback (issue 19, item 3): like/dislike on sourced answers in Web Chat and Teams, and the feedback command.</summary>
public sealed class FeedbackTests
{
    private static readonly Dictionary<string, string?> CollectComments = new() { ["Insights:CollectFeedbackComments"] = "true" };

    [Fact]
    public async Task In_Web_Chat_each_sourced_answer_carries_like_and_dislike_naming_its_content_key_and_topic()
    {
        using var conv = new BotConversation(channelId: Channels.Directline);
        await conv.JoinAsync();
        var replies = await conv.SendAsync("Magnesium and migraine");

        var sourced = replies.Where(r => r.Entities?.Count > 0).ToList();
        Assert.NotEmpty(sourced);
        foreach (var reply in sourced)
        {
            var actions = Actions(reply);
            Assert.Equal(["LikeAction", "DislikeAction"], actions.Select(a => (string)a["@type"]!));
            Assert.All(actions, a => Assert.Equal("topic.migraine", (string)a["object"]!["about"]!));
            Assert.True(Content(conv).Contains((string)actions[0]["object"]!["identifier"]!));
        }
        // The closing message names no source of its own: nothing to rate there.
        Assert.Contains(replies, r => r.Entities is null or { Count: 0 });
    }

    [Fact]
    public async Task Urgent_guidance_is_not_offered_for_rating()
    {
        using var conv = new BotConversation(channelId: Channels.Directline);
        await conv.JoinAsync();
        var replies = await conv.SendAsync("I want to end my life");
        Assert.All(replies.Where(r => r.Entities?.Count > 0), r => Assert.Null(r.Entities![0].Properties["potentialAction"]));
    }

    [Fact]
    public async Task Pressing_like_in_Web_Chat_sends_the_action_back_and_it_is_counted_by_key_and_topic_with_a_thanks()
    {
        using var conv = new BotConversation(channelId: Channels.Directline);
        using var recorded = new RecordedMetrics(conv);
        await conv.JoinAsync();
        var answer = (await conv.SendAsync("Magnesium and migraine")).First(r => r.Entities?.Count > 0);
        var like = Actions(answer)[0];

        // What Web Chat 4.18 posts: an event named webchat:activity-status/feedback whose only entity is the pressed action.
        var replies = await conv.SendActivityAsync(WebChatFeedbackEvent(like));

        Assert.Equal(Text(conv, "feedback.thanks.like"), Assert.Single(replies).Text);
        Assert.Equal(1, recorded.Sum("magbot.feedback", ("content_key", (string)like["object"]!["identifier"]!), ("topic", "topic.migraine"), ("rating", "like")));
    }

    [Fact]
    public async Task A_forged_action_with_made_up_names_is_counted_under_unknown_never_under_its_text()
    {
        using var conv = new BotConversation(channelId: Channels.Directline);
        using var recorded = new RecordedMetrics(conv);
        await conv.JoinAsync();
        var forged = JObject.Parse("""{"@type":"DislikeAction","object":{"identifier":"my name is Jane Doe","about":"call 555 0100"}}""");

        await conv.SendActivityAsync(WebChatFeedbackEvent(forged));

        Assert.Equal(1, recorded.Sum("magbot.feedback", ("content_key", "unknown"), ("topic", "unknown"), ("rating", "dislike")));
        Assert.DoesNotContain(recorded.Measurements.SelectMany(m => m.Tags.Values), v => v.Contains("Jane", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("""{"@type":"LikeAction","object":["not","an","object"]}""")]
    [InlineData("""{"@type":{"nested":true}}""")]
    [InlineData("""{"type":"https://schema.org/Claim"}""")]
    public async Task A_feedback_event_of_another_shape_is_ignored_without_failing(string entity)
    {
        using var conv = new BotConversation(channelId: Channels.Directline);
        using var recorded = new RecordedMetrics(conv);
        await conv.JoinAsync();
        await conv.SendActivityAsync(WebChatFeedbackEvent(JObject.Parse(entity)));
        Assert.True(recorded.Sum("magbot.feedback") <= 1);
        Assert.NotEmpty(await conv.SendAsync("help"));
    }

    [Fact]
    public async Task Teams_gets_its_feedback_loop_and_its_submitAction_invoke_is_counted_for_the_last_sourced_answer()
    {
        using var conv = new BotConversation(CollectComments, channelId: Channels.Msteams);
        using var recorded = new RecordedMetrics(conv);
        await conv.JoinAsync();
        var replies = await conv.SendAsync("Magnesium and migraine");
        Assert.Contains(replies, r => r.ChannelData is JObject c && c.Value<bool>("feedbackLoopEnabled"));

        var invoke = new Activity(ActivityTypes.Invoke)
        {
            Name = FeedbackMarkup.SubmitActionInvokeName,
            Value = JObject.Parse("""{"actionName":"feedback","actionValue":{"reaction":"dislike","feedback":"{\"feedbackText\":\"Too long. Ask Dr Okafor at 555 123 4567\"}"}}"""),
            ReplyToId = "some-message",
        };
        await conv.SendActivityAsync(invoke);

        Assert.Equal(1, recorded.Sum("magbot.feedback", ("topic", "topic.migraine"), ("rating", "dislike")));
        var kept = Assert.Single((await conv.Services.GetRequiredService<InsightStore>().ReadAllAsync()).Comments);
        Assert.Equal("Too long. Ask Dr [name] at [phone]", kept.Text);
    }

    [Theory]
    [InlineData("feedback helpful", "like")]
    [InlineData("Feedback: 👍", "like")]
    [InlineData("feedback thumbs down", "dislike")]
    [InlineData("give feedback not helpful, I wanted doses", "dislike")]
    public async Task The_feedback_command_rates_the_last_sourced_answer_and_asks_the_flow_question_again(string command, string rating)
    {
        using var conv = new BotConversation();
        using var recorded = new RecordedMetrics(conv);
        await conv.JoinAsync();
        var question = (await conv.SendAsync("Foods with magnesium"))[^1].Text;

        var replies = await conv.SendAsync(command);

        Assert.StartsWith(Text(conv, "feedback.thanks"), replies[0].Text);
        Assert.Equal(question, replies[^1].Text);
        Assert.Equal(1, recorded.Sum("magbot.feedback", ("content_key", "foods.intro"), ("topic", "topic.foods"), ("rating", rating)));
    }

    [Fact]
    public async Task The_feedback_command_without_a_rating_offers_the_two_ratings_and_a_button_press_counts()
    {
        using var conv = new BotConversation();
        using var recorded = new RecordedMetrics(conv);
        await conv.JoinAsync();
        var asked = Assert.Single(await conv.SendAsync("feedback"));
        Assert.Equal([Text(conv, "feedback.like.button"), Text(conv, "feedback.dislike.button")], asked.AllButtonsOf());

        var value = asked.SuggestedActions.Actions[1].Value.ToString()!;
        await conv.SendAsync(value);
        Assert.Equal(1, recorded.Sum("magbot.feedback", ("content_key", "general"), ("topic", "none"), ("rating", "dislike")));
    }

    [Fact]
    public async Task A_comment_is_dropped_unless_the_clinic_collects_comments()
    {
        using var conv = new BotConversation();
        await conv.JoinAsync();
        await conv.SendAsync("Magnesium and migraine");
        var replies = await conv.SendAsync("feedback not helpful, my daughter Priya needs doses for 12 year olds");
        Assert.Equal(Text(conv, "feedback.thanks.comment.dropped"), replies[0].Text);
        Assert.Empty((await conv.Services.GetRequiredService<InsightStore>().ReadAllAsync()).Comments);
    }

    [Fact]
    public async Task A_kept_comment_is_redacted_listed_by_what_do_you_know_and_erased_by_forget_me()
    {
        using var conv = new BotConversation(CollectComments);
        await conv.JoinAsync();
        await conv.SendAsync("Magnesium and migraine");
        var replies = await conv.SendAsync("feedback not helpful, my daughter Priya needs doses for 12 year olds");
        Assert.Equal(Text(conv, "feedback.thanks.comment"), replies[0].Text);

        var store = conv.Services.GetRequiredService<InsightStore>();
        var comment = Assert.Single((await store.ReadAllAsync()).Comments);
        Assert.Equal("my daughter [name] needs doses for [number] year olds", comment.Text);
        Assert.Equal("dislike", comment.Rating);
        Assert.Equal("topic.migraine", comment.Topic);
        Assert.DoesNotContain(conv.Adapter.Conversation.Conversation.Id, comment.Owner, StringComparison.Ordinal);

        Assert.Contains(Say(conv, "mydata.comments", "1"), (await conv.SendAsync("what do you know about me"))[0].Text);
        await conv.SendAsync("forget me");
        Assert.Empty((await store.ReadAllAsync()).Comments);
    }

    [Theory]
    [InlineData("feedback", null, null)]
    [InlineData("/feedback like", "like", null)]
    [InlineData("feedback 👎 too long", "dislike", "too long")]
    [InlineData("Feedback - great: clear and short", "like", "clear and short")]
    [InlineData("feedback nothing recognised here", null, "nothing recognised here")]
    public void The_command_reads_a_rating_then_a_comment(string text, string? rating, string? comment)
    {
        var parsed = FeedbackCommand.Parse(text);
        Assert.NotNull(parsed);
        Assert.Equal(rating, parsed.Rating);
        Assert.Equal(comment, parsed.Comment);
    }

    [Theory]
    [InlineData("my feedback is that magnesium helps")]
    [InlineData("feedbacks")]
    [InlineData("what foods have magnesium")]
    public void A_message_that_does_not_begin_with_the_command_is_not_feedback(string text) => Assert.Null(FeedbackCommand.Parse(text));

    private static List<JObject> Actions(IMessageActivity reply) =>
        [.. ((JArray)reply.Entities!.Single().Properties["potentialAction"]!).Cast<JObject>()];

    private static Activity WebChatFeedbackEvent(JObject action) => new(ActivityTypes.Event)
    {
        Name = FeedbackMarkup.WebChatEventName,
        Entities = [action.ToObject<Entity>()!],
    };

    private static ContentCatalog Content(BotConversation conv) => conv.Services.GetRequiredService<ContentCatalog>();

    private static string Text(BotConversation conv, string key) => Content(conv).Text(key);

    private static string Say(BotConversation conv, string key, string count) =>
        Content(conv).Text(key, new Dictionary<string, string?> { ["count"] = count });
}
