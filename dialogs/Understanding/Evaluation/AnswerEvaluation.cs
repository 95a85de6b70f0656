using MagBot.Dialogs.Understanding.Answers;
using MagBot.Dialogs.Understanding.Labelled;

namespace MagBot.Dialogs.Understanding.Evaluation;

/// <summary>One labelled question and what the bot answered: facts, the overview, or "I don't know"; with the intent
/// recognised first when the bot's whole path was scored (a clarified or non-topic intent gets no fact).</summary>
public sealed record AnswerPrediction(LabelledQuestion Example, FactAnswer Answer, IntentResult? Intent = null)
{
    /// <summary>The retriever's own ranking for the question (facts weighed by the recognised topic), also when the intent
    /// step kept the facts from being asked: where the right fact stood (see <see cref="AnswerEvaluation.Breakdown"/>).</summary>
    public FactAnswer? Retrieved { get; init; }

    public bool ExpectsFact => Example.Expected.Count > 0;
    public bool Answered => Answer.Kind == AnswerKind.Fact && Answer.Keys.Count > 0;

    /// <summary>The first fact shown answers it; for a question no fact answers, no fact was shown.</summary>
    public bool Top1 => ExpectsFact ? Answered && Example.Expected.Contains(Answer.Keys[0]) : !Answered;

    /// <summary>One of the two best-ranked facts answers it (and a fact was shown); for no fact, none was shown.</summary>
    public bool Top2 => ExpectsFact ? Answered && (Top1 || Example.Expected.Contains(SecondRanked)) : !Answered;

    /// <summary>A fact was shown and it is not one that answers the question.</summary>
    public bool Wrong => Answered && !Top1;

    private string? SecondRanked => Answer.Ranked
        .Select(r => r.Class)
        .Where(c => c is not (FactRetriever.OverviewClass or FactRetriever.UnansweredClass))
        .Select(c => c == Knowledge.FactQuestions.DoseKey ? Answer.Keys[0] : c)
        .Where(c => c != Answer.Keys[0])
        .FirstOrDefault();
}

/// <summary>How the bot answered specific questions: top-1 and top-2 right, "don't know" and wrong-fact rates.</summary>
public sealed class AnswerEvaluation(IReadOnlyList<AnswerPrediction> predictions)
{
    public IReadOnlyList<AnswerPrediction> Predictions { get; } = predictions;
    public int Count => Predictions.Count;
    public double Top1Rate => Rate(p => p.Top1);
    public double Top2Rate => Rate(p => p.Top2);
    public double DontKnowRate => Rate(p => !p.Answered);
    public double WrongRate => Rate(p => p.Wrong);

    /// <summary>Among questions a fact answers: how often the bot showed one of them first.</summary>
    public double Top1OnAnswerable => Share(p => p.ExpectsFact, p => p.Top1);

    /// <summary>Among questions no fact answers: how often the bot said it did not know.</summary>
    public double DontKnowOnUnanswerable => Share(p => !p.ExpectsFact, p => !p.Answered);

    public IReadOnlyList<AnswerPrediction> Mistakes => [.. Predictions.Where(p => !p.Top1)];

    /// <summary>
    /// Where each miss comes from, as (cause, count), most frequent first. A question a fact answers and the bot did not answer
    /// first with it is put down to the intent step when that step kept the facts from being asked or chose another topic than
    /// the fact's ("topic: …"), else to the retriever by the rank of the right fact in its ranking ("retriever: …"); a question
    /// no fact answers that got a fact is "shown a fact, none answers". <paramref name="topicOf"/> gives a fact's topic.
    /// </summary>
    public IReadOnlyList<(string Cause, int Count)> Breakdown(Func<string, string?> topicOf)
    {
        ArgumentNullException.ThrowIfNull(topicOf);
        return [.. Mistakes.Select(m => Cause(m, topicOf)).GroupBy(c => c).Select(g => (g.Key, g.Count()))
            .OrderByDescending(c => c.Item2).ThenBy(c => c.Key, StringComparer.Ordinal)];
    }

    /// <summary>The cause of one miss (see <see cref="Breakdown"/>).</summary>
    public static string Cause(AnswerPrediction miss, Func<string, string?> topicOf)
    {
        ArgumentNullException.ThrowIfNull(miss);
        ArgumentNullException.ThrowIfNull(topicOf);
        if (!miss.ExpectsFact) return "shown a fact, none answers";
        var intent = miss.Intent;
        var topics = miss.Example.Expected.Select(k => topicOf(ClassOf(k))).OfType<string>().ToHashSet(StringComparer.Ordinal);
        if (intent is not null && !IntentRecognizer.IsTopic(intent.Intent)) return "topic: not a topic (" + intent.Intent + ")";
        if (intent is not null && intent.Intent is Intents.MedicationCheck or Intents.Provider) return "topic: a conversation (" + intent.Intent + "), facts not asked";
        var clarified = intent is not null && ClarifyPolicy.ShouldClarify(intent);
        if (intent is not null && !clarified && topics.Count > 0 && !topics.Contains(intent.Intent)) return "topic: another topic acted on";
        var rank = RankOfRight(miss);
        var where = rank switch { 1 => "right fact ranked 1st", 2 => "right fact ranked 2nd", _ => "right fact not in the top 2" };
        if (clarified && !miss.Answered) return "topic: clarified, " + where;
        if (rank == 1) return miss.Answered ? "retriever: right fact 1st, another shown first" : "retriever: right fact 1st, too unsure (overview or don't know)";
        return "retriever: " + where;
    }

    /// <summary>The rank (1-based) of the best-ranked right fact in the retriever's ranking of all classes; 0 when absent.</summary>
    private static int RankOfRight(AnswerPrediction p)
    {
        var ranked = (p.Retrieved ?? p.Answer).Ranked;
        var right = p.Example.Expected.Select(ClassOf).ToHashSet(StringComparer.Ordinal);
        for (var i = 0; i < ranked.Count; i++)
        {
            if (right.Contains(ranked[i].Class)) return i + 1;
        }
        return 0;
    }

    /// <summary>The retriever's class of a fact key: the dose facts are one class, the stated dose.</summary>
    private static string ClassOf(string key) =>
        key.StartsWith("amounts.dose.", StringComparison.Ordinal) ? Knowledge.FactQuestions.DoseKey : key;

    private double Rate(Func<AnswerPrediction, bool> f) => Count == 0 ? 0 : (double)Predictions.Count(f) / Count;

    private double Share(Func<AnswerPrediction, bool> among, Func<AnswerPrediction, bool> f)
    {
        var set = Predictions.Where(among).ToList();
        return set.Count == 0 ? 0 : (double)set.Count(f) / set.Count;
    }
}
