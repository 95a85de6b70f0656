using MagBot.Dialogs.Understanding;
using MagBot.Dialogs.Understanding.Answers;
using MagBot.Dialogs.Understanding.Evaluation;
using MagBot.Dialogs.Understanding.Labelled;

namespace MagBot.Dialogs.Tests.Understanding;

/// <summary>`nlu-eval` says where misses come from: the intent step (a conversation, a clarifying question, another topic)
/// or the retriever (the right fact's rank); these pin each cause to the case it names.</summary>
public sealed class MissBreakdownTests
{
    private static string? TopicOf(string key) => key.StartsWith("testing.", StringComparison.Ordinal) ? Intents.Testing : null;

    private static AnswerPrediction Miss(string[] expected, IntentResult intent, FactAnswer shown, FactAnswer? retrieved = null) =>
        new(new LabelledQuestion("a question", expected, 1), shown, intent) { Retrieved = retrieved ?? shown };

    [Fact]
    public void A_question_sent_to_the_medication_check_is_put_down_to_the_intent_step()
    {
        var miss = Miss(["testing.serum"], new IntentResult(Intents.MedicationCheck, 0.95, []), FactAnswer.DontKnow(0, []));

        Assert.Equal("topic: a conversation (medication_check), facts not asked", AnswerEvaluation.Cause(miss, TopicOf));
    }

    [Fact]
    public void A_clarified_question_whose_fact_ranked_first_is_put_down_to_the_clarifying_rule()
    {
        var retrieved = new FactAnswer(AnswerKind.Fact, ["testing.serum"], 0.6, null, [("testing.serum", 0.6), ("testing.normal", 0.3)]);
        var miss = Miss(["testing.serum"], new IntentResult(Intents.Testing, 0.40, [(Intents.Mechanism, 0.35)]), FactAnswer.DontKnow(0, []), retrieved);

        Assert.Equal("topic: clarified, right fact ranked 1st", AnswerEvaluation.Cause(miss, TopicOf));
    }

    [Fact]
    public void A_wrong_fact_shown_first_with_the_right_one_second_is_put_down_to_the_retriever()
    {
        var shown = new FactAnswer(AnswerKind.Fact, ["testing.normal"], 0.6, null, [("testing.normal", 0.6), ("testing.serum", 0.3)]);
        var miss = Miss(["testing.serum"], new IntentResult(Intents.Testing, 0.9, []), shown);
        var none = Miss([], new IntentResult(Intents.Testing, 0.9, []), shown);

        Assert.Equal("retriever: right fact ranked 2nd", AnswerEvaluation.Cause(miss, TopicOf));
        Assert.Equal("shown a fact, none answers", AnswerEvaluation.Cause(none, TopicOf));
        var breakdown = new AnswerEvaluation([miss, none, miss]).Breakdown(TopicOf);
        Assert.Equal(("retriever: right fact ranked 2nd", 2), breakdown[0]);
    }

    [Fact]
    public void Intent_outcomes_separate_a_wrong_topic_from_a_clarified_miss()
    {
        IntentPrediction P(string expected, IntentResult result) => new(new LabelledUtterance("a message", expected, 1), result);
        var evaluation = new IntentEvaluation(
        [
            P(Intents.Testing, new IntentResult(Intents.Testing, 0.9, [])),
            P(Intents.Testing, new IntentResult(Intents.Foods, 0.9, [])),
            P(Intents.Testing, new IntentResult(Intents.Foods, 0.45, [(Intents.Testing, 0.40)])),
            P(Intents.Cancel, new IntentResult(Intents.Goodbye, 0.9, [])),
        ], ClarifyPolicy.Threshold, ClarifyPolicy.ShouldClarify);

        var outcomes = evaluation.Breakdown().ToDictionary(o => o.Outcome, o => o.Count);

        Assert.Equal(1, outcomes["right, acted on"]);
        Assert.Equal(1, outcomes["wrong topic acted on"]);
        Assert.Equal(1, outcomes["wrong, clarified, right one offered"]);
        Assert.Equal(1, outcomes["wrong command, reply or out of scope acted on"]);
        Assert.Equal(0, outcomes["right, but clarified"]);
    }
}
