namespace MagBot.Dialogs.Understanding.Answers;

/// <summary>What a specific question gets: one or two facts, the topic's overview (a general question), or "I don't know".</summary>
public enum AnswerKind
{
    Fact,
    Overview,
    DontKnow,
}

/// <summary>The retriever's answer: its kind, the fact keys to show (best first; empty unless <see cref="AnswerKind.Fact"/>),
/// the confidence of the best class, the dose read from the message when a dose fact was chosen, and the ranking.</summary>
public sealed record FactAnswer(AnswerKind Kind, IReadOnlyList<string> Keys, double Score, double? DoseMilligrams, IReadOnlyList<(string Class, double Score)> Ranked)
{
    public static FactAnswer DontKnow(double score, IReadOnlyList<(string Class, double Score)> ranked) => new(AnswerKind.DontKnow, [], score, null, ranked);
}
