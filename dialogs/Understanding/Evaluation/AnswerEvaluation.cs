using MagBot.Dialogs.Understanding.Answers;
using MagBot.Dialogs.Understanding.Labelled;

namespace MagBot.Dialogs.Understanding.Evaluation;

/// <summary>One labelled question and what the bot answered: facts, the overview, or "I don't know"; with the intent
/// recognised first when the bot's whole path was scored (a clarified or non-topic intent gets no fact).</summary>
public sealed record AnswerPrediction(LabelledQuestion Example, FactAnswer Answer, IntentResult? Intent = null)
{
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

    private double Rate(Func<AnswerPrediction, bool> f) => Count == 0 ? 0 : (double)Predictions.Count(f) / Count;

    private double Share(Func<AnswerPrediction, bool> among, Func<AnswerPrediction, bool> f)
    {
        var set = Predictions.Where(among).ToList();
        return set.Count == 0 ? 0 : (double)set.Count(f) / set.Count;
    }
}
