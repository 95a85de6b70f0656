using MagBot.Dialogs.Engine;
using MagBot.Dialogs.Feedback;
using MagBot.Dialogs.Insights;
using MagBot.Dialogs.Knowledge;
using MagBot.Dialogs.Replies;
using MagBot.Dialogs.Safety;
using MagBot.Dialogs.Telemetry;
using MagBot.Dialogs.Topics;
using MagBot.Dialogs.Understanding;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MagBot.Dialogs.Bot;

/// <summary>What the handler must do with state after a turn.</summary>
public enum TurnOutcome
{
    /// <summary>Save conversation and user state as usual.</summary>
    Save,
    /// <summary>The user asked to delete their data: delete stored state and save nothing.</summary>
    DeleteData,
}

/// <summary>
/// One message, end to end: the safety screen first, then commands that work at any depth (help,
/// cancel, start over, delete my data), then either the active dialog or a new topic. A new topic
/// in the middle of a flow suspends that flow and offers it back when the side question ends.
/// </summary>
public sealed class ConversationRunner(
    DialogSet dialogs,
    ContentCatalog content,
    IIntentRecognizer intents,
    ISafetyScreen safety,
    TopicCatalog topics,
    MedicationRecognizer medications,
    MedicationLexicon lexicon,
    SpecificQuestionAnswerer answerer,
    IOptions<ClinicOptions> clinic,
    ILogger<ConversationRunner> logger,
    ConversationMetrics metrics,
    UserState userState,
    InsightRecorder insights)
{
    private readonly IStatePropertyAccessor<ConsentRecord> _consent = userState.CreateProperty<ConsentRecord>("MagBot.Consent");
    private readonly ContentReplies _replies = new(content);

    /// <summary>Below this confidence the bot asks which topic was meant instead of guessing (see <see cref="ClarifyPolicy"/>).</summary>
    public const double ClarifyThreshold = ClarifyPolicy.Threshold;

    public const string ResumeDialogId = "resume.offer";

    /// <summary>Turn-state key set when stored state could not be read and the conversation restarted.</summary>
    public const string RestartedNoticeKey = "MagBot.RestartedNotice";

    public ClinicOptions Clinic => clinic.Value;

    public string RestartedText => content.Text("state.restarted");

    public async Task<TurnOutcome> OnMessageAsync(ITurnContext turn, ConversationData data, CancellationToken cancellationToken = default)
    {
        var dc = NewContext(turn, data);
        var raw = turn.Activity.Text ?? string.Empty;

        // A bare rating ("feedback thumbs down") is a fixed word, not something the person says about themselves: the
        // screen reads the rest. A comment is screened like any message.
        var feedback = FeedbackCommand.Parse(raw);
        var alert = feedback is { Comment: null } ? null : safety.Screen(ScreenedText.Of(turn.Activity.AsMessageActivity()), turn.Activity.Locale);
        // The medicines in the message, read at most once however many steps of the turn ask.
        var medicines = new MedicationReading(medications, raw);
        if (alert is not null && IsAnswerToTheCheck(dc, alert, medicines))
        {
            // "zofran odt when nauseous", "neoral after my kidney transplant": a list of medicines with their reasons reads
            // like symptoms to the trained layer. As the answer to the check's question it stays in the check, unless a
            // rule or a confident alarm says otherwise.
            logger.LogInformation("Trained-layer {Category} not raised for an answer to the medication check", alert.Category);
            alert = null;
        }
        if (alert is not null)
        {
            await AnswerSafetyAlertAsync(dc, data, alert, cancellationToken).ConfigureAwait(false);
            return TurnOutcome.Save;
        }
        // Told after the safety screen, so urgent guidance is always the first reply of a turn.
        if (turn.TurnState.Get<object>(RestartedNoticeKey) is not null)
            await dc.SendTextAsync("state.restarted", cancellationToken: cancellationToken).ConfigureAwait(false);

        if (IsBlank(dc.Text) && turn.Activity.Value is null)
        {
            await SendMenuAsync(dc, "message.empty", cancellationToken).ConfigureAwait(false);
            return TurnOutcome.Save;
        }
        if (raw.Length > TextNormalizer.MaxUnderstoodLength)
        {
            await dc.SendTextAsync("message.too.long", cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        // "feedback", a rating, a comment: a command at any depth, read before understanding (the comment is free text).
        if (feedback is not null)
        {
            await FeedbackCommandAsync(dc, feedback, cancellationToken).ConfigureAwait(false);
            return TurnOutcome.Save;
        }

        var menuIntent = topics.ButtonIntent(dc.Text, content);
        var intent = menuIntent is not null ? new IntentResult(menuIntent, 1.0, []) : intents.Recognize(raw, medicines);
        logger.LogDebug("Intent {Intent} ({Score:0.00})", intent.Intent, intent.Score);

        if (Intents.IsCommand(intent.Intent) && intent.Score >= ClarifyThreshold)
        {
            return await RunCommandAsync(dc, data, intent.Intent, cancellationToken).ConfigureAwait(false);
        }
        // With Clinic:RequireConsent, health topics wait for "I agree" to the current terms (commands and safety do not).
        if (!await ConsentGateAsync(dc, intent, medicines, cancellationToken).ConfigureAwait(false)) return TurnOutcome.Save;

        var active = dc.ActiveDialog;
        if (active is not null)
        {
            var topicDialog = topics.DialogFor(intent.Intent);
            var isNewTopic = topicDialog is not null && intent.Score >= ClarifyThreshold
                && !active.Accepts(dc, dc.Text) && !StackHolds(dc, topicDialog);
            if (!isNewTopic)
            {
                var result = await dc.ContinueDialogAsync(cancellationToken).ConfigureAwait(false);
                if (result is { Status: DialogTurnStatus.Complete, Result: ResumeAnswer answer })
                {
                    await ResumeOrForgetAsync(dc, data, answer, cancellationToken).ConfigureAwait(false);
                    return TurnOutcome.Save;
                }
                // A side question that itself asked something may have just ended: offer the left flow back now.
                await OfferResumeIfIdleAsync(dc, data, cancellationToken).ConfigureAwait(false);
                return TurnOutcome.Save;
            }
            // A side question: keep the flow to offer it back afterwards (the newest one only).
            if (active.Id != ResumeDialogId)
            {
                metrics.Abandoned(data.Suspended, ConversationMetrics.Reasons.Replaced);
                data.Suspended = [.. dc.SuspendAll()];
            }
            else dc.CancelAll();
        }

        if (active is null && NamesMedicines(medicines.Recognition, intent))
        {
            // "I take amlodipine, can I take magnesium?": a message that names medicines starts the check with them.
            await dc.BeginDialogAsync(InteractionScreeningDialog.DialogId, new TopicStart(dc.Text), cancellationToken).ConfigureAwait(false);
            return TurnOutcome.Save;
        }

        // A specific question gets the facts that answer it; a button press or a general question, the topic.
        if (menuIntent is null && await answerer.TryAnswerAsync(dc, intent, cancellationToken).ConfigureAwait(false))
        {
            metrics.QuestionAnswered(intent.Intent);
            await OfferResumeIfIdleAsync(dc, data, cancellationToken).ConfigureAwait(false);
            return TurnOutcome.Save;
        }
        await StartTopicAsync(dc, intent, cancellationToken).ConfigureAwait(false);
        await OfferResumeIfIdleAsync(dc, data, cancellationToken).ConfigureAwait(false);
        return TurnOutcome.Save;
    }

    /// <summary>
    /// The safety screen's reply comes first. A red flag (any alarm) stops the current flow: urgent guidance and nothing
    /// after it. The symptom safety net stops it too, then offers the menu: a symptom never starts a topic. A language
    /// MagBot cannot answer in gets its reply with the emergency number, and the flow waits as it was.
    /// The medication check is the exception to stopping: its question stays waiting behind the reply (see
    /// <see cref="KeepsTheCheckWaiting"/>), so the urgent guidance is the same and still the only reply; only its closing
    /// clause says that the check is on hold instead of that the chat stopped (<see cref="UrgentReplyWording"/>).
    /// </summary>
    private async Task AnswerSafetyAlertAsync(DialogContext dc, ConversationData data, SafetyAlert alert, CancellationToken cancellationToken)
    {
        var language = alert.Category == SafetyCategories.Language;
        var keepCheck = !language && KeepsTheCheckWaiting(dc);
        if (SafetyCategories.IsAlarm(alert.Category))
            logger.LogWarning("Safety screen raised {Category} ({RuleId}); {Flow}", alert.Category, alert.RuleId, keepCheck ? "medication check kept waiting" : "flow stopped");
        else logger.LogInformation("Safety screen answered {Category}", alert.Category);
        var idle = dc.ActiveDialog is null;
        if (SafetyCategories.IsAlarm(alert.Category)) metrics.SafetyAlarm(alert.Category);
        else metrics.SafetyNet(alert.Category);
        if (!language && !keepCheck)
        {
            Abandon(dc, data, ConversationMetrics.Reasons.Safety);
            dc.CancelAll();
            data.Suspended = null;
        }
        foreach (var reply in alert.Replies)
        {
            // The check's question waits behind an alarm: the reply says the check is on hold, not that the chat stopped.
            var said = keepCheck && SafetyCategories.IsAlarm(alert.Category) ? UrgentReplyWording.WithCheckOnHold(reply, content) : reply;
            await dc.SendAsync(said, cancellationToken).ConfigureAwait(false);
        }
        if (keepCheck)
        {
            // Not an alarm: the check's question again, as after a side reply. After an alarm nothing follows the guidance.
            if (alert.Category == SafetyCategories.Symptom) await dc.RepromptAsync(cancellationToken).ConfigureAwait(false);
            return;
        }
        if (alert.Category == SafetyCategories.Symptom || (language && idle))
            await SendMenuAsync(dc, "welcome.choose", cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Is the medication check waiting for an answer? Its answers are lists of medicines with their reasons ("nitro under
    /// the tongue for chest pain", "fioricet when I have a headache") and refusals ("I'd rather not share that"), which
    /// the screen can read as alarms. The screen is not weakened for them: the urgent reply is sent unchanged, first and
    /// alone. Only the check is not thrown away, so a person who was listing medicines goes on by answering its question,
    /// and a person in an emergency has lost nothing either; the screen reads every later message again.
    /// </summary>
    private static bool KeepsTheCheckWaiting(DialogContext dc) =>
        dc.ActiveDialog is not null && dc.StackIds.Contains(InteractionScreeningDialog.DialogId);

    /// <summary>Below this, an alarm of the trained layer alone does not interrupt an answer to the check's question.</summary>
    public const float MedicineListAlarmThreshold = 0.7f;

    /// <summary>Is <paramref name="alert"/> the trained layer's alone (no rule), either the safety net or an alarm it is
    /// not confident of, on a message the medication check takes as its answer that names medicines or health conditions
    /// ("I have kidney disease and afib" answers its question about conditions)?</summary>
    private bool IsAnswerToTheCheck(DialogContext dc, SafetyAlert alert, MedicationReading medicines) =>
        !alert.ByRule && alert.Category != SafetyCategories.Language
        && (alert.Category == SafetyCategories.Symptom || alert.ModelAlarm < MedicineListAlarmThreshold)
        && dc.StackIds.Contains(InteractionScreeningDialog.DialogId) && dc.ActiveDialog is { } question && question.Accepts(dc, dc.Text)
        && (medicines.Recognition.Found.Count > 0 || medications.RecognizeConditions(dc.Text).Count > 0);

    /// <summary>Does the message name medicines the check should start with? A medicine's own name always
    /// does. A lay word alone ("laxatives", "antacids") or a magnesium product does only when no other topic was asked
    /// about, so "can laxatives cause too much magnesium?" stays with its topic; so does Epsom salt asked about as a form.</summary>
    private bool NamesMedicines(MedicationRecognition medicines, IntentResult intent)
    {
        var found = medicines.Found;
        if (found.Count == 0) return false;
        // "what does ibuprofen do to your liver": understanding read a question about another medicine alone, not about magnesium.
        if (intent.Intent == Intents.None && intent.Score >= ClarifyThreshold) return false;
        var otherTopic = intent.Intent is not (Intents.None or Intents.MedicationCheck) && intent.Score >= ClarifyThreshold;
        if (!otherTopic) return true;
        // "I take 2000 mg of magnesium, is that too much?", "is epsom salt the same as magnesium chloride?": magnesium
        // products asked about with another topic are that topic's subject; a medicine's own name starts the check.
        // So is a multivitamin asked about with an amounts question ("does the magnesium in my multivitamin count toward the limit?").
        return found.Any(m => !lexicon.IsLayTerm(m.ClassId, m.Canonical) && m.OwnMagnesiumForm is null && m.ClassId != "multivitamin");
    }

    /// <summary>The welcome: greeting, disclaimer and topic buttons.</summary>
    public async Task WelcomeAsync(ITurnContext turn, ConversationData data, CancellationToken cancellationToken = default)
    {
        if (data.Welcomed) return;
        data.Welcomed = true;
        metrics.Welcomed();
        var dc = NewContext(turn, data);
        var args = Args();
        var clinicLine = Clinic.WelcomeLine;
        await dc.SendAsync(new Reply { Text = content.Text("welcome.greeting", args) }, cancellationToken).ConfigureAwait(false);
        if (!string.IsNullOrWhiteSpace(clinicLine))
            await dc.SendAsync(new Reply { Text = Markdown.Escape(clinicLine) }, cancellationToken).ConfigureAwait(false);
        await dc.SendAsync(new Reply { Text = content.Text("welcome.disclaimer", args) }, cancellationToken).ConfigureAwait(false);
        if (Terms.WelcomeLine() is { } terms) await dc.SendAsync(terms, cancellationToken).ConfigureAwait(false);
        if (Clinic.RequireConsent) await dc.SendAsync(Terms.Ask(null), cancellationToken).ConfigureAwait(false);
        else await SendMenuAsync(dc, "welcome.choose", cancellationToken).ConfigureAwait(false);
    }

    private ClinicTerms Terms => new(content, Clinic);

    /// <summary>True when the turn may go on to topics: consent is not asked for, was given, or is given now. A topic
    /// asked for before consent is remembered (its name only, not the message) and started once the person agrees.</summary>
    private async Task<bool> ConsentGateAsync(DialogContext dc, IntentResult intent, MedicationReading medicines, CancellationToken cancellationToken)
    {
        if (!Clinic.RequireConsent) return true;
        var record = await _consent.GetAsync(dc.Turn, () => new ConsentRecord(), cancellationToken).ConfigureAwait(false);
        if (Terms.Agreed(record)) return true;
        if (Terms.IsAgreement(dc.Text))
        {
            await _consent.SetAsync(dc.Turn, new ConsentRecord { Version = Terms.Version }, cancellationToken).ConfigureAwait(false);
            if (dc.Data.PendingTopic is { } pending && topics.DialogFor(pending) is not null)
            {
                dc.Data.PendingTopic = null;
                await dc.SendTextAsync("consent.thanks.resume", cancellationToken: cancellationToken).ConfigureAwait(false);
                await StartTopicAsync(dc, new IntentResult(pending, 1.0, []), cancellationToken).ConfigureAwait(false);
                return false;
            }
            await SendMenuAsync(dc, "consent.thanks", cancellationToken).ConfigureAwait(false);
            return false;
        }
        var asked = NamesMedicines(medicines.Recognition, intent) ? Intents.MedicationCheck
            : intent.Score >= ClarifyThreshold && topics.DialogFor(intent.Intent) is not null ? intent.Intent : null;
        if (asked is not null) dc.Data.PendingTopic = asked;
        await dc.SendAsync(Terms.Ask(record), cancellationToken).ConfigureAwait(false);
        return false;
    }

    /// <summary>The feedback command: counts the rating against the last sourced answer, keeps the comment when the
    /// clinic collects comments, thanks, and goes back to where the person was.</summary>
    private async Task FeedbackCommandAsync(DialogContext dc, FeedbackCommand.Parsed command, CancellationToken cancellationToken)
    {
        if (command.Rating is null)
        {
            await dc.SendAsync(new Reply
            {
                Text = content.Text("feedback.ask"),
                Buttons = [new(content.Text("feedback.like.button"), content.Text("feedback.like.value")), new(content.Text("feedback.dislike.button"), content.Text("feedback.dislike.value"))],
            }, cancellationToken).ConfigureAwait(false);
            return;
        }
        var kept = await RecordFeedbackAsync(dc.Turn, new FeedbackSubmission(command.Rating, dc.Data.LastSourced ?? FeedbackTarget.General, command.Comment, "command"), cancellationToken).ConfigureAwait(false);
        await dc.SendTextAsync(command.Comment is null ? "feedback.thanks" : kept ? "feedback.thanks.comment" : "feedback.thanks.comment.dropped", cancellationToken: cancellationToken).ConfigureAwait(false);
        await ContinueOrMenuAsync(dc, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A rating from Web Chat's thumbs (an event) or a Teams feedback invoke: counted, its comment kept when
    /// the clinic collects comments. Web Chat gets a short thanks; Teams thanks the person itself.</summary>
    public async Task OnFeedbackAsync(ITurnContext turn, ConversationData data, FeedbackSubmission submission, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(submission);
        // The invoke names the message by id only: it rates the last sourced answer of the conversation.
        var target = submission.Target ?? data.LastSourced ?? FeedbackTarget.General;
        await RecordFeedbackAsync(turn, submission with { Target = target }, cancellationToken).ConfigureAwait(false);
        if (submission.Via == "webchat")
        {
            var dc = NewContext(turn, data);
            await dc.SendTextAsync(submission.Rating == FeedbackRatings.Like ? "feedback.thanks.like" : "feedback.thanks.dislike", cancellationToken: cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<bool> RecordFeedbackAsync(ITurnContext turn, FeedbackSubmission submission, CancellationToken cancellationToken)
    {
        // What the client says it rates is checked against the content and the dialogs: a metric attribute is never
        // a string a client chose.
        var target = submission.Target ?? FeedbackTarget.General;
        var topic = target.Topic == "none" || topics.Mappings.Values.Contains(target.Topic) ? target.Topic : "unknown";
        var key = target.ContentKey == FeedbackTarget.General.ContentKey || content.Contains(target.ContentKey) || topics.Mappings.Values.Contains(target.ContentKey)
            ? target.ContentKey : "unknown";
        metrics.Feedback(key, topic, submission.Rating);
        logger.LogInformation("Feedback {Rating} on {ContentKey} in {Topic} via {Via}", submission.Rating, key, topic, submission.Via);
        if (string.IsNullOrWhiteSpace(submission.Comment)) return false;
        return await insights.KeepCommentAsync(turn, submission.Comment, submission.Rating, new FeedbackTarget(key, topic), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Placeholders every wording may use: clinic details and emergency numbers.</summary>
    public Dictionary<string, string?> Args() => Clinic.Placeholders();

    public Reply MenuReply(string textKey) => new()
    {
        Text = content.Text(textKey, Args()),
        Buttons = [.. topics.Menu.Select(m => ReplyButton.Same(content.Text(m.TitleKey)))],
    };

    /// <summary>This turn's dialog context over the conversation's stack; the rest of the conversation's data rides on the
    /// turn, where MagBot's reply extensions find it (the last sourced answer, for feedback).</summary>
    private DialogContext NewContext(ITurnContext turn, ConversationData data)
    {
        turn.TurnState.Set(data);
        return new DialogContext(turn, dialogs, data.Stack, _replies, metrics);
    }

    private Task SendMenuAsync(DialogContext dc, string textKey, CancellationToken cancellationToken) =>
        dc.SendAsync(MenuReply(textKey), cancellationToken);

    /// <summary>Nothing visible: empty, white space, control characters, zero-width and direction marks.
    /// (Emoji are visible and go on to understanding: 👍 answers a yes/no question.)</summary>
    private static bool IsBlank(string text) =>
        text.All(c => char.IsWhiteSpace(c) || char.IsControl(c) || char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.Format);

    private static bool StackHolds(DialogContext dc, string dialogId) => dc.StackIds.Contains(dialogId);

    private async Task<TurnOutcome> RunCommandAsync(DialogContext dc, ConversationData data, string command, CancellationToken cancellationToken)
    {
        switch (command)
        {
            case Intents.Help:
                await dc.SendAsync(new Reply { Text = content.Text("help.intro") }, cancellationToken).ConfigureAwait(false);
                if (dc.ActiveDialog is not null)
                {
                    // The top of the stack is often a prompt, which has no title: name the flow it belongs to.
                    var titled = dc.Stack.Select(i => dialogs.Contains(i.Id) ? dialogs.Find(i.Id) : null).LastOrDefault(d => d?.TitleKey is not null);
                    var where = titled is not null ? Title(titled) : content.Text("dialog.main");
                    await dc.SendTextAsync("help.where", new Dictionary<string, string?> { ["where"] = where }, cancellationToken).ConfigureAwait(false);
                    await dc.RepromptAsync(cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    await SendMenuAsync(dc, "welcome.choose", cancellationToken).ConfigureAwait(false);
                }
                return TurnOutcome.Save;
            case Intents.Cancel:
                var had = dc.Stack.Count > 0;
                Abandon(dc, data, ConversationMetrics.Reasons.Cancel);
                dc.CancelAll();
                data.Suspended = null;
                await SendMenuAsync(dc, had ? "cancel.done" : "cancel.nothing", cancellationToken).ConfigureAwait(false);
                return TurnOutcome.Save;
            case Intents.StartOver:
                Abandon(dc, data, ConversationMetrics.Reasons.StartOver);
                dc.CancelAll();
                data.Suspended = null;
                await dc.SendTextAsync("startover.done", cancellationToken: cancellationToken).ConfigureAwait(false);
                await SendMenuAsync(dc, "welcome.choose", cancellationToken).ConfigureAwait(false);
                return TurnOutcome.Save;
            case Intents.Terms:
                await dc.SendAsync(Terms.Show(), cancellationToken).ConfigureAwait(false);
                await ContinueOrMenuAsync(dc, cancellationToken).ConfigureAwait(false);
                return TurnOutcome.Save;
            case Intents.WhatYouKnow:
                var consent = await _consent.GetAsync(dc.Turn, () => new ConsentRecord(), cancellationToken).ConfigureAwait(false);
                var kept = await insights.CountAsync(dc.Turn, cancellationToken).ConfigureAwait(false);
                foreach (var reply in StoredDataReply.Build(dc, data, consent, TitleOf, kept)) await dc.SendAsync(reply, cancellationToken).ConfigureAwait(false);
                if (dc.ActiveDialog is not null) await dc.RepromptAsync(cancellationToken).ConfigureAwait(false);
                return TurnOutcome.Save;
            case Intents.DeleteMyData:
                Abandon(dc, data, ConversationMetrics.Reasons.DeleteData);
                dc.CancelAll();
                // Kept questions and comments too, whatever the clinic's settings are now.
                await insights.ForgetAsync(dc.Turn, cancellationToken).ConfigureAwait(false);
                await dc.SendTextAsync("delete.done", cancellationToken: cancellationToken).ConfigureAwait(false);
                return TurnOutcome.DeleteData;
            default:
                throw new ArgumentOutOfRangeException(nameof(command), command, "Not a command intent.");
        }
    }

    private async Task StartTopicAsync(DialogContext dc, IntentResult intent, CancellationToken cancellationToken)
    {
        if (intent.Intent == Intents.None)
        {
            metrics.Unrecognized("none");
            await insights.KeepUnansweredAsync(dc.Turn, dc.Text, "none", Intents.None, cancellationToken).ConfigureAwait(false);
            await SendMenuAsync(dc, "none.reply", cancellationToken).ConfigureAwait(false);
            return;
        }
        if (ClarifyPolicy.ShouldClarify(intent))
        {
            metrics.Unrecognized("clarify");
            await ClarifyAsync(dc, intent, cancellationToken).ConfigureAwait(false);
            return;
        }
        switch (intent.Intent)
        {
            case Intents.Greeting: await SendMenuAsync(dc, "greeting.reply", cancellationToken).ConfigureAwait(false); return;
            case Intents.Thanks: await SendMenuAsync(dc, "thanks.reply", cancellationToken).ConfigureAwait(false); return;
            case Intents.Goodbye: await dc.SendTextAsync("goodbye.reply", cancellationToken: cancellationToken).ConfigureAwait(false); return;
        }
        var dialogId = topics.DialogFor(intent.Intent);
        if (dialogId is null)
        {
            await SendMenuAsync(dc, "topic.unavailable", cancellationToken).ConfigureAwait(false);
            return;
        }
        await dc.BeginDialogAsync(dialogId, new TopicStart(dc.Text), cancellationToken).ConfigureAwait(false);
    }

    private async Task ClarifyAsync(DialogContext dc, IntentResult intent, CancellationToken cancellationToken)
    {
        var candidates = new[] { (intent.Intent, intent.Score) }.Concat(intent.Alternatives)
            .Select(c => topics.Buttons.FirstOrDefault(m => m.Intent == c.Intent).TitleKey)
            .Where(k => k is not null)
            .Distinct()
            .Take(3)
            .ToList();
        if (candidates.Count == 0)
        {
            await SendMenuAsync(dc, "none.reply", cancellationToken).ConfigureAwait(false);
            return;
        }
        await dc.SendAsync(new Reply
        {
            Text = content.Text("clarify.ask"),
            Buttons = [.. candidates.Select(k => ReplyButton.Same(content.Text(k!)))],
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>When a side question has finished and a flow was left for it, ask whether to go back.</summary>
    private async Task OfferResumeIfIdleAsync(DialogContext dc, ConversationData data, CancellationToken cancellationToken)
    {
        if (dc.Stack.Count > 0 || data.Suspended is not { Count: > 0 } suspended) return;
        var where = dialogs.Contains(suspended[0].Id) ? Title(dialogs.Find(suspended[0].Id)) : content.Text("dialog.main");
        await dc.BeginDialogAsync(ResumeDialogId, where, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Counts the flows a command or an alarm is about to drop (the current one and one waiting to be resumed).</summary>
    private void Abandon(DialogContext dc, ConversationData data, string reason)
    {
        metrics.Abandoned(dc.Stack, reason);
        metrics.Abandoned(data.Suspended, reason);
    }

    /// <summary>The resume offer was answered: yes puts the flow that was left back and asks its question again; no (or
    /// an answer that is neither) forgets it.</summary>
    private async Task ResumeOrForgetAsync(DialogContext dc, ConversationData data, ResumeAnswer answer, CancellationToken cancellationToken)
    {
        var suspended = data.Suspended;
        data.Suspended = null;
        if (answer.GoBack && suspended is { Count: > 0 })
        {
            await dc.RestoreAsync(suspended, cancellationToken).ConfigureAwait(false);
            return;
        }
        metrics.Abandoned(suspended, ConversationMetrics.Reasons.NotResumed);
        await dc.SendTextAsync("cancel.done", cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    /// <summary>After a command that answers on the side: the question of the flow again, or the menu.</summary>
    private Task ContinueOrMenuAsync(DialogContext dc, CancellationToken cancellationToken) =>
        dc.ActiveDialog is not null ? dc.RepromptAsync(cancellationToken) : SendMenuAsync(dc, "welcome.choose", cancellationToken);

    private string TitleOf(string dialogId) => dialogs.Contains(dialogId) ? Title(dialogs.Find(dialogId)) : content.Text("dialog.main");

    private string Title(Dialog dialog) =>
        dialog.TitleKey is { } k && content.Contains(k) ? content.Text(k) : content.Text("dialog.main");
}

/// <summary>What a topic dialog is begun with: the message that started it (it may carry entities, e.g. medicine names).</summary>
public sealed record TopicStart(string Text);
