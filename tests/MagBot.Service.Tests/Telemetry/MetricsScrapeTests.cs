using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using MagBot.Service.Tests.Support;

namespace MagBot.Service.Tests.Telemetry;

/// <summary>OpenTelemetry counts read the way Prometheus reads them: GET /metrics after a scripted conversation.</summary>
[Collection(nameof(MetricsCollection))]
public sealed partial class MetricsScrapeTests
{
    private static readonly Dictionary<string, string?> PrometheusOn = new() { ["Telemetry:Prometheus"] = "true" };

    [Fact]
    public async Task Scrape_after_a_scripted_conversation_counts_the_funnel_and_carries_no_text_or_ids()
    {
        await using var server = await MagBotServer.StartAsync(PrometheusOn);
        var client = new DirectLineClient(server.Client);
        await client.StartAsync();
        string[] said = ["Magnesium and migraine", "Check my medications", "cancel", "I want to end my life", "Find a provider", "I take amlodipine and lisinopril"];

        (await client.PostActivityAsync(new { type = "event", name = "webchat/join" })).EnsureSuccessStatusCode();
        foreach (var text in said) (await client.PostMessageAsync(text)).EnsureSuccessStatusCode();
        var replies = await client.PollAsync();

        var response = await server.Client.GetAsync("/metrics");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var scrape = await response.Content.ReadAsStringAsync();
        var samples = Parse(scrape);

        Assert.Equal(1 + said.Length, Sum(samples, "magbot_turns_total", ("channel", "directline")));
        Assert.Equal(said.Length, Sum(samples, "magbot_turns_total", ("activity_type", "message")));
        Assert.Equal(1 + said.Length, Sum(samples, "magbot_turn_duration_seconds_count"));
        Assert.Equal(1, Sum(samples, "magbot_welcomes_total"));
        Assert.Equal(1, Sum(samples, "magbot_topics_started_total", ("topic", "topic.migraine")));
        Assert.Equal(1, Sum(samples, "magbot_topics_completed_total", ("topic", "topic.migraine")));
        Assert.Equal(2, Sum(samples, "magbot_topics_started_total", ("topic", "topic.screening")));
        Assert.Equal(1, Sum(samples, "magbot_topics_abandoned_total", ("topic", "topic.screening"), ("reason", "cancel")));
        Assert.Equal(1, Sum(samples, "magbot_safety_alarms_total", ("category", "crisis")));
        Assert.Equal(1, Sum(samples, "magbot_provider_handoffs_total", ("topic", "topic.provider")));
        // The instrumentations the host adds are there too.
        Assert.Contains("http_server_request_duration_seconds", scrape);
        Assert.Contains("dotnet_gc_collections_total", scrape);

        // Nothing a person typed or an id that could name them: only names fixed in code and content.
        // ("cancel" is also a reason label, and a word in the runtime's own metric descriptions.)
        foreach (var text in said.Where(t => t != "cancel")) Assert.DoesNotContain(text, scrape, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("amlodipine", scrape, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("lisinopril", scrape, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(client.UserId, scrape);
        Assert.DoesNotContain(client.ConversationId, scrape);
        Assert.DoesNotContain(client.Token, scrape);
        Assert.All(replies.Select(r => (string?)r["id"]).OfType<string>(), id => Assert.DoesNotContain(id, scrape));
        var magbotLabels = samples.Where(s => s.Name.StartsWith("magbot_", StringComparison.Ordinal)).SelectMany(s => s.Labels)
            .Where(l => !l.Key.StartsWith("otel_", StringComparison.Ordinal) && l.Key != "le").ToList();
        Assert.All(magbotLabels, l => Assert.Matches(FixedName(), l.Value));
    }

    [Fact]
    public async Task Feedback_is_scraped_by_content_key_topic_and_rating_and_no_comment_or_question_leaks()
    {
        var settings = new Dictionary<string, string?>(PrometheusOn) { ["Insights:CollectFeedbackComments"] = "true", ["Insights:KeepUnanswered"] = "true" };
        await using var server = await MagBotServer.StartAsync(settings);
        var client = new DirectLineClient(server.Client);
        await client.StartAsync();
        (await client.PostActivityAsync(new { type = "event", name = "webchat/join" })).EnsureSuccessStatusCode();
        (await client.PostMessageAsync("Magnesium and migraine")).EnsureSuccessStatusCode();
        var like = (await client.PollAsync())
            .SelectMany(r => r["entities"] as Newtonsoft.Json.Linq.JArray ?? [])
            .Select(e => e["potentialAction"]?.FirstOrDefault(a => (string?)a["@type"] == "LikeAction"))
            .First(a => a is not null)!;

        // What Web Chat 4.18 posts when the thumb is pressed: the action itself, as the only entity of an event.
        (await client.PostActivityAsync(new { type = "event", name = "webchat:activity-status/feedback", entities = new[] { like } })).EnsureSuccessStatusCode();
        (await client.PostMessageAsync("feedback not helpful, Zelda Quartermaine wanted quokka doses")).EnsureSuccessStatusCode();
        (await client.PostMessageAsync("zzqx marmalade florp")).EnsureSuccessStatusCode();
        await client.PollAsync();

        var scrape = await server.Client.GetStringAsync("/metrics");
        var samples = Parse(scrape);
        var key = (string)like["object"]!["identifier"]!;
        Assert.Equal(1, Sum(samples, "magbot_feedback_total", ("content_key", key), ("topic", "topic.migraine"), ("rating", "like")));
        Assert.Equal(1, Sum(samples, "magbot_feedback_total", ("topic", "topic.migraine"), ("rating", "dislike")));
        Assert.Equal(1, Sum(samples, "magbot_messages_unrecognized_total", ("kind", "none")));
        foreach (var word in new[] { "Zelda", "Quartermaine", "quokka", "marmalade", "florp" }) Assert.DoesNotContain(word, scrape, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_channel_id_chosen_by_a_request_is_counted_as_other_not_echoed()
    {
        await using var server = await MagBotServer.StartAsync(PrometheusOn);
        var response = await server.PostActivityAsync(Activities.Message("conv-metrics", "help", "http://127.0.0.1:9/", expectReplies: true, channelId: "evil-channel-name-of-a-person"));
        Assert.True((int)response.StatusCode < 500, $"{response.StatusCode}");

        var scrape = await server.Client.GetStringAsync("/metrics");

        Assert.DoesNotContain("evil-channel-name-of-a-person", scrape);
        Assert.True(Sum(Parse(scrape), "magbot_turns_total", ("channel", "other")) >= 1, scrape);
    }

    [Fact]
    public async Task Metrics_are_off_unless_configured()
    {
        await using var server = await MagBotServer.StartAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await server.Client.GetAsync("/metrics")).StatusCode);
    }

    private sealed record Sample(string Name, Dictionary<string, string> Labels, double Value);

    private static double Sum(IEnumerable<Sample> samples, string name, params (string Key, string Value)[] labels) =>
        samples.Where(s => s.Name == name && labels.All(l => s.Labels.GetValueOrDefault(l.Key) == l.Value)).Sum(s => s.Value);

    private static List<Sample> Parse(string scrape) =>
        [.. scrape.Split('\n').Where(l => l.Length > 0 && l[0] != '#').Select(l => SampleLine().Match(l)).Where(m => m.Success).Select(m => new Sample(
            m.Groups["name"].Value,
            LabelPair().Matches(m.Groups["labels"].Value).ToDictionary(p => p.Groups["k"].Value, p => p.Groups["v"].Value),
            double.Parse(m.Groups["value"].Value, CultureInfo.InvariantCulture)))];

    [GeneratedRegex(@"^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(\{(?<labels>.*)\})? (?<value>[^ ]+)")]
    private static partial Regex SampleLine();

    [GeneratedRegex("(?<k>[a-zA-Z_][a-zA-Z0-9_]*)=\"(?<v>[^\"]*)\"")]
    private static partial Regex LabelPair();

    /// <summary>Topic ids, categories, class ids, channel and activity names: lower case, digits, '.', '_' and '-'.</summary>
    [GeneratedRegex("^[a-zA-Z0-9._-]{1,64}$")]
    private static partial Regex FixedName();
}

/// <summary>Runs alone: the meter's name is process-wide, so conversations of tests running beside it would be counted too.</summary>
[CollectionDefinition(nameof(MetricsCollection), DisableParallelization = true)]
public sealed class MetricsCollection;
