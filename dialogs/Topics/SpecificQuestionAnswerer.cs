using MagBot.Dialogs.Engine;
using MagBot.Dialogs.Knowledge;
using MagBot.Dialogs.Replies;
using MagBot.Dialogs.Understanding;
using MagBot.Dialogs.Understanding.Answers;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MagBot.Dialogs.Topics;

/// <summary>
/// A specific question about an information topic gets the one or two reviewed facts that answer it (<see cref="FactRetriever"/>),
/// their "Source:" line, and the offer of the topic's full overview. A question the facts do not answer is told so, with the
/// topics offered. A general question, or one the retriever is unsure of, is left to the topic's dialog (the overview).
/// </summary>
/// <remarks>The retriever is asked for only when a question comes: a first turn that is not one (a welcome, "help", a command) does not
/// wait for its training.
/// </remarks>
public sealed class SpecificQuestionAnswerer(Lazy<FactRetriever> facts, IOptions<ClinicOptions> clinic, ILogger<SpecificQuestionAnswerer> logger, TopicCatalog topics, Insights.InsightRecorder insights)
{
    /// <summary>Facts that open a flow of their own (the food list, the table of daily amounts, a stated dose compared with
    /// the limit for the person's age): their topic's dialog is the answer.</summary>
    private static readonly HashSet<string> ShownByTheirTopic = new(StringComparer.Ordinal)
    {
        "foods.intro", "amounts.rda.intro", FactQuestions.DoseAboveKey, FactQuestions.DoseWithinKey,
        FactQuestions.DoseAboveKey + FactQuestions.ByAgeSuffix, FactQuestions.DoseWithinKey + FactQuestions.ByAgeSuffix,
    };

    /// <summary>Answers <paramref name="dc"/>'s message when the facts can; false when the topic's dialog should run instead.</summary>
    public async Task<bool> TryAnswerAsync(DialogContext dc, IntentResult intent, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dc);
        if (!FactRetriever.MayAnswer(intent)) return false; // nothing the facts could answer: no need to wait for their training
        var retriever = facts.Value;
        if (retriever.Answer(dc.Text, intent) is not { } answer) return false;
        // The overview offered is that of the fact's topic: a question that was close between two topics is answered in one.
        var topic = answer.Kind == AnswerKind.Fact ? retriever.TopicOf(answer.Ranked[0].Class) ?? intent.Intent : intent.Intent;
        var overview = topics.Buttons.FirstOrDefault(b => b.Intent == topic).TitleKey;
        switch (answer.Kind)
        {
            case AnswerKind.DontKnow when answer.Ranked.Count > 0 && answer.Ranked[0].Class == FactRetriever.UnansweredClass
                && answer.Score >= FactRetriever.AnswerThreshold:
                // Counted by topic only: the question's text is health data and is never logged.
                logger.LogInformation("Question no fact answers, in topic {Intent}", intent.Intent);
                await insights.KeepUnansweredAsync(dc.Turn, dc.Text, "no_fact", intent.Intent, cancellationToken).ConfigureAwait(false);
                await dc.SendAsync(new Reply
                {
                    Text = dc.Content.Text("answer.unknown"),
                    Buttons = Offer(dc, overview, topics.Menu.Select(m => m.TitleKey)),
                }, cancellationToken).ConfigureAwait(false);
                return true;
            case AnswerKind.Fact when !answer.Keys.Any(ShownByTheirTopic.Contains):
                dc.TopicHint = topics.DialogFor(topic) ?? topic;
                await TopicReplies.SendFactsAsync(dc, answer.Keys, clinic.Value.Placeholders(), cancellationToken).ConfigureAwait(false);
                await dc.SendAsync(new Reply { Text = TopicReplies.SourceLine(dc, TopicReplies.SourcesOf(dc, answer.Keys)) }, cancellationToken).ConfigureAwait(false);
                await dc.SendAsync(new Reply
                {
                    Text = dc.Content.Text("answer.more"),
                    Buttons = Offer(dc, overview, []),
                }, cancellationToken).ConfigureAwait(false);
                return true;
            default:
                return false;
        }
    }

    /// <summary>The topic's overview button first, then others, at most three (Teams shows three).</summary>
    private static IReadOnlyList<ReplyButton> Offer(DialogContext dc, string? overviewKey, IEnumerable<string> others) =>
        TopicReplies.Buttons(dc, new[] { overviewKey }.Concat(others).OfType<string>().Distinct().Take(3));
}
