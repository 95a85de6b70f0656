using System.Diagnostics.Metrics;
using System.Text.RegularExpressions;
using MagBot.Dialogs.Telemetry;
using MagBot.Dialogs.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace MagBot.Dialogs.Tests.Telemetry;

/// <summary>What the conversation counts (meter MagBot.Conversation), turn by turn, and that it counts names, never text.</summary>
public sealed partial class ConversationMetricsTests
{
    [Fact]
    public async Task Welcome_and_an_information_topic_count_the_funnel_start_to_end()
    {
        using var conv = new BotConversation();
        using var recorded = new RecordedMetrics(conv);
        await conv.JoinAsync();
        await conv.SendAsync("Magnesium and migraine");

        Assert.Equal(1, recorded.Sum("magbot.welcomes"));
        Assert.Equal(1, recorded.Sum("magbot.topics.started", ("topic", "topic.migraine")));
        Assert.Equal(1, recorded.Sum("magbot.topics.completed", ("topic", "topic.migraine")));
        Assert.Equal(2, recorded.Sum("magbot.turns"));
        Assert.Equal(2, recorded.Count("magbot.turn.duration"));
    }

    [Theory]
    [InlineData("cancel", "cancel")]
    [InlineData("start over", "start_over")]
    [InlineData("delete my data", "delete_data")]
    public async Task A_command_mid_flow_counts_the_flow_abandoned_with_its_reason(string command, string reason)
    {
        using var conv = new BotConversation();
        using var recorded = new RecordedMetrics(conv);
        await conv.JoinAsync();
        await conv.SendAsync("Foods with magnesium");
        await conv.SendAsync(command);

        Assert.Equal(1, recorded.Sum("magbot.topics.started", ("topic", "topic.foods")));
        Assert.Equal(1, recorded.Sum("magbot.topics.abandoned", ("topic", "topic.foods"), ("reason", reason)));
        Assert.Equal(0, recorded.Sum("magbot.topics.completed"));
    }

    [Fact]
    public async Task A_crisis_message_mid_flow_counts_an_alarm_and_the_flow_stopped_for_safety()
    {
        using var conv = new BotConversation();
        using var recorded = new RecordedMetrics(conv);
        await conv.JoinAsync();
        await conv.SendAsync("Foods with magnesium");
        await conv.SendAsync("I want to end my life");

        Assert.Equal(1, recorded.Sum("magbot.safety.alarms", ("category", "crisis")));
        Assert.Equal(1, recorded.Sum("magbot.topics.abandoned", ("topic", "topic.foods"), ("reason", "safety")));
    }

    [Fact]
    public async Task Declining_to_go_back_after_a_side_question_counts_the_left_flow_as_not_resumed()
    {
        using var conv = new BotConversation();
        using var recorded = new RecordedMetrics(conv);
        await conv.JoinAsync();
        await conv.SendAsync("Foods with magnesium");
        await conv.SendAsync("what are the side effects");
        await conv.SendAsync("No, thanks");

        // The side question itself is answered (as a topic or a specific question); the flow left for it was not resumed.
        Assert.Equal(1, recorded.Sum("magbot.topics.completed", ("topic", "topic.side_effects")) + recorded.Sum("magbot.questions.answered"));
        Assert.Equal(1, recorded.Sum("magbot.topics.abandoned", ("topic", "topic.foods"), ("reason", "not_resumed")));
    }

    [Fact]
    public async Task The_provider_topic_counts_a_hand_off()
    {
        using var conv = new BotConversation();
        using var recorded = new RecordedMetrics(conv);
        await conv.JoinAsync();
        await conv.SendAsync("Find a provider");

        Assert.Equal(1, recorded.Sum("magbot.provider.handoffs", ("topic", "topic.provider")));
    }

    [Fact]
    public async Task Attributes_are_fixed_names_and_never_what_the_person_typed()
    {
        string[] said = ["Check my medications", "I take amlodipine and lisinopril", "my neighbour Jane Doe said to", "zzqx florp wibble", "I want to end my life"];
        using var conv = new BotConversation();
        using var recorded = new RecordedMetrics(conv);
        await conv.JoinAsync();
        foreach (var text in said) await conv.SendAsync(text);

        var values = recorded.Measurements.SelectMany(m => m.Tags.Values).ToList();
        Assert.NotEmpty(values);
        Assert.All(values, v => Assert.Matches(FixedName(), v));
        foreach (var word in said.SelectMany(s => s.Split(' ')).Where(w => w.Length > 3))
            Assert.DoesNotContain(values, v => v.Contains(word, StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(values, v => v.Contains(conv.Adapter.Conversation.User.Id, StringComparison.Ordinal));
        Assert.DoesNotContain(values, v => v.Contains(conv.Adapter.Conversation.Conversation.Id, StringComparison.Ordinal));
    }

    [GeneratedRegex("^[a-zA-Z0-9._-]{1,64}$")]
    private static partial Regex FixedName();
}
