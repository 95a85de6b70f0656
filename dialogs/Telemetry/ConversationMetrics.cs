using System.Diagnostics;
using System.Diagnostics.Metrics;
using MagBot.Dialogs.Engine;
using MagBot.Dialogs.Topics;
using Microsoft.Bot.Connector;
using Microsoft.Bot.Schema;

namespace MagBot.Dialogs.Telemetry;

/// <summary>
/// What a clinic can count about the conversations (meter <see cref="MeterName"/>, read by the host's OpenTelemetry):
/// turns and their latency, the funnel from welcome to a topic to its end, unrecognised messages, safety replies,
/// medication checks and hand-offs. Attributes are fixed names only — topic dialog ids, safety categories, interaction
/// class ids from the content files, known channel ids — never message text, user or conversation ids, or a medicine a
/// person typed.
/// </summary>
public sealed class ConversationMetrics : IDialogObserver, IDisposable
{
    public const string MeterName = "MagBot.Conversation";

    /// <summary>Why a flow was left before its end (attribute <c>reason</c> of <c>magbot.topics.abandoned</c>).</summary>
    public static class Reasons
    {
        public const string Cancel = "cancel";
        public const string StartOver = "start_over";
        public const string DeleteData = "delete_data";
        public const string Safety = "safety";
        public const string NotResumed = "not_resumed";
        public const string Replaced = "replaced";
    }

    private static readonly HashSet<string> KnownChannels = new(StringComparer.Ordinal)
    {
        Channels.Msteams, Channels.Directline, Channels.Webchat, Channels.Emulator, Channels.Test, Channels.Console,
    };

    private static readonly HashSet<string> KnownActivityTypes = new(StringComparer.Ordinal)
    {
        ActivityTypes.Message, ActivityTypes.Event, ActivityTypes.ConversationUpdate, ActivityTypes.InstallationUpdate,
        ActivityTypes.Invoke, ActivityTypes.MessageReaction, ActivityTypes.Typing, ActivityTypes.EndOfConversation,
    };

    private readonly Meter _meter;
    private readonly bool _ownsMeter;
    private readonly HashSet<string> _topics;
    private readonly Counter<long> _turns;
    private readonly Histogram<double> _turnDuration;
    private readonly Counter<long> _welcomes;
    private readonly Counter<long> _topicsStarted;
    private readonly Counter<long> _topicsCompleted;
    private readonly Counter<long> _topicsAbandoned;
    private readonly Counter<long> _questionsAnswered;
    private readonly Counter<long> _unrecognized;
    private readonly Counter<long> _alarms;
    private readonly Counter<long> _safetyNet;
    private readonly Counter<long> _checks;
    private readonly Counter<long> _checkResults;
    private readonly Counter<long> _handoffs;
    private readonly Counter<long> _feedback;

    /// <param name="meterFactory">The host's factory (one meter per service container); without one the meter is our own.</param>
    /// <param name="topics">Which dialogs are topics (the rest, prompts and the resume offer, are not counted as flows).</param>
    public ConversationMetrics(IMeterFactory? meterFactory, TopicCatalog topics)
    {
        ArgumentNullException.ThrowIfNull(topics);
        _ownsMeter = meterFactory is null;
        _meter = meterFactory?.Create(MeterName) ?? new Meter(MeterName);
        _topics = [.. topics.Mappings.Values];
        _turns = _meter.CreateCounter<long>("magbot.turns", "{turn}", "Turns handled, by channel and activity type.");
        _turnDuration = _meter.CreateHistogram<double>("magbot.turn.duration", "s", "How long a turn took, from receipt to the last reply.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10] });
        _welcomes = _meter.CreateCounter<long>("magbot.welcomes", "{conversation}", "Conversations greeted (the top of the funnel).");
        _topicsStarted = _meter.CreateCounter<long>("magbot.topics.started", "{topic}", "Topic flows begun, by topic.");
        _topicsCompleted = _meter.CreateCounter<long>("magbot.topics.completed", "{topic}", "Topic flows that reached their end, by topic.");
        _topicsAbandoned = _meter.CreateCounter<long>("magbot.topics.abandoned", "{topic}", "Topic flows left before their end, by topic and reason.");
        _questionsAnswered = _meter.CreateCounter<long>("magbot.questions.answered", "{message}", "Specific questions answered with facts, by topic.");
        _unrecognized = _meter.CreateCounter<long>("magbot.messages.unrecognized", "{message}", "Messages the bot could not place (none) or had to ask about (clarify).");
        _alarms = _meter.CreateCounter<long>("magbot.safety.alarms", "{message}", "Red-flag alarms, by category.");
        _safetyNet = _meter.CreateCounter<long>("magbot.safety.net_replies", "{message}", "Safety-net replies (a symptom, or a language MagBot cannot answer in), by category.");
        _checks = _meter.CreateCounter<long>("magbot.medication_checks", "{check}", "Medication checks finished, by outcome.");
        _checkResults = _meter.CreateCounter<long>("magbot.medication_check.results", "{class}", "Interaction classes found by medication checks, by class and severity.");
        _handoffs = _meter.CreateCounter<long>("magbot.provider.handoffs", "{handoff}", "Hand-offs to a health-care provider, by the topic that made them.");
        _feedback = _meter.CreateCounter<long>("magbot.feedback", "{rating}", "Feedback ratings, by content key, topic and rating.");
    }

    public Meter Meter => _meter;

    public static long Timestamp() => Stopwatch.GetTimestamp();

    public void Turn(IActivity activity, long startedAt)
    {
        var channel = new KeyValuePair<string, object?>("channel", Known(KnownChannels, activity?.ChannelId));
        var type = new KeyValuePair<string, object?>("activity_type", Known(KnownActivityTypes, activity?.Type));
        _turns.Add(1, channel, type);
        _turnDuration.Record(Stopwatch.GetElapsedTime(startedAt).TotalSeconds, channel, type);
    }

    public void Welcomed() => _welcomes.Add(1);

    /// <summary>A flow that was on the stack (or waiting to be resumed) is dropped for <paramref name="reason"/>.</summary>
    public void Abandoned(IEnumerable<DialogInstance>? stack, string reason)
    {
        if (stack?.FirstOrDefault() is not { } root || !_topics.Contains(root.Id)) return;
        _topicsAbandoned.Add(1, Topic(root.Id), new("reason", reason));
    }

    public void QuestionAnswered(string intent) => _questionsAnswered.Add(1, new KeyValuePair<string, object?>("topic", intent));

    /// <summary><paramref name="kind"/>: <c>none</c> (nothing matched) or <c>clarify</c> (the bot asked which topic was meant).</summary>
    public void Unrecognized(string kind) => _unrecognized.Add(1, new KeyValuePair<string, object?>("kind", kind));

    public void SafetyAlarm(string category) => _alarms.Add(1, new KeyValuePair<string, object?>("category", category));

    public void SafetyNet(string category) => _safetyNet.Add(1, new KeyValuePair<string, object?>("category", category));

    /// <summary>For the feedback command and Web Chat's like/dislike (issue 19, item 3): keys and ratings only, never a comment.</summary>
    public void Feedback(string contentKey, string topic, string rating) =>
        _feedback.Add(1, new("content_key", contentKey), new("topic", topic), new("rating", rating));

    void IDialogObserver.RootBegan(DialogContext dc, string dialogId)
    {
        if (_topics.Contains(dialogId)) _topicsStarted.Add(1, Topic(dialogId));
    }

    void IDialogObserver.RootEnded(DialogContext dc, string dialogId, object? result)
    {
        if (!_topics.Contains(dialogId)) return;
        _topicsCompleted.Add(1, Topic(dialogId));
        if (dialogId == ProviderDialog.DialogId) _handoffs.Add(1, Topic(dialogId));
        if (result is ScreeningReport report)
        {
            var outcome = report.Interactions.Count > 0 ? "interactions" : report.Medicines.Count > 0 ? "no_known_interaction" : "no_medicines";
            _checks.Add(1, new KeyValuePair<string, object?>("outcome", outcome));
            foreach (var found in report.Interactions)
                _checkResults.Add(1, new("interaction_class", found.Id), new("severity", found.Severity.ToString().ToLowerInvariant()));
            // Every finished check ends by pointing to a provider with the summary.
            _handoffs.Add(1, Topic(dialogId));
        }
    }

    private static KeyValuePair<string, object?> Topic(string dialogId) => new("topic", dialogId);

    private static string Known(HashSet<string> known, string? value) => value is not null && known.Contains(value) ? value : "other";

    public void Dispose()
    {
        if (_ownsMeter) _meter.Dispose();
    }
}
