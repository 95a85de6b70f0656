using MagBot.Dialogs.Understanding.Labelled;

namespace MagBot.Dialogs.Understanding.Evaluation;

/// <summary>One labelled example and what the recognizer made of it.</summary>
public sealed record IntentPrediction(LabelledUtterance Example, IntentResult Result)
{
    public bool IsCorrect => Example.Intent == Result.Intent;
}
