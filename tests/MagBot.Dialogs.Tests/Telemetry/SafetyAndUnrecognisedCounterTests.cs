using MagBot.Dialogs.Tests.Support;

namespace MagBot.Dialogs.Tests.Telemetry;

/// <summary>The safety-net and unrecognised-message counters, and that feedback comments never reach a metric.</summary>
public sealed class SafetyAndUnrecognisedCounterTests
{
    [Fact]
    public async Task A_current_symptom_counts_a_safety_net_reply_not_an_alarm()
    {
        using var conv = new BotConversation();
        using var recorded = new RecordedMetrics(conv);
        await conv.JoinAsync();
        await conv.SendAsync("I have had a really bad cough for a week and now my chest feels congested, should I take something?");

        Assert.Equal(1, recorded.Sum("magbot.safety.net_replies", ("category", "symptom")));
        Assert.Equal(0, recorded.Sum("magbot.safety.alarms"));
    }

    [Fact]
    public async Task Another_language_counts_a_safety_net_reply_by_its_category()
    {
        using var conv = new BotConversation();
        using var recorded = new RecordedMetrics(conv);
        await conv.JoinAsync();
        await conv.SendAsync("Je voudrais savoir si le magnésium aide contre la migraine, merci beaucoup");

        Assert.Equal(1, recorded.Sum("magbot.safety.net_replies", ("category", "language")));
    }

    [Fact]
    public async Task A_message_nothing_matches_counts_as_unrecognised_none_and_a_topic_does_not()
    {
        using var conv = new BotConversation();
        using var recorded = new RecordedMetrics(conv);
        await conv.JoinAsync();
        await conv.SendAsync("zzqx florp wibble");
        await conv.SendAsync("Magnesium and migraine");

        Assert.Equal(1, recorded.Sum("magbot.messages.unrecognized", ("kind", "none")));
        Assert.Equal(1, recorded.Sum("magbot.messages.unrecognized"));
    }

    [Fact]
    public async Task Feedback_with_a_comment_counts_names_only_never_the_comment()
    {
        var settings = new Dictionary<string, string?> { ["Insights:CollectFeedbackComments"] = "true", ["Insights:KeepUnanswered"] = "true" };
        using var conv = new BotConversation(settings);
        using var recorded = new RecordedMetrics(conv);
        await conv.JoinAsync();
        await conv.SendAsync("Magnesium and migraine");
        await conv.SendAsync("feedback not helpful, Priya Okafor wanted dosing for cramps");
        await conv.SendAsync("zzqx Whiskers florp");

        var values = recorded.Measurements.SelectMany(m => m.Tags.Values).ToList();
        Assert.Equal(1, recorded.Sum("magbot.feedback"));
        foreach (var word in new[] { "Priya", "Okafor", "dosing", "cramps", "Whiskers", "florp" })
            Assert.DoesNotContain(values, v => v.Contains(word, StringComparison.OrdinalIgnoreCase));
    }
}
