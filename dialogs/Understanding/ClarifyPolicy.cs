namespace MagBot.Dialogs.Understanding;

/// <summary>
/// When the bot asks which topic was meant instead of acting: the best score is low, or two topics are close.
/// A wrong topic is worse than a question back. Both figures are chosen by cross-validation on the training split
/// (`nlu-eval --cross-validate` prints how many messages each clarifies and how many go to a wrong topic).
/// </summary>
public static class ClarifyPolicy
{
    /// <summary>Below this confidence the bot asks instead of guessing.</summary>
    public const double Threshold = 0.5;

    /// <summary>Two topics closer than this (difference of their probabilities) are both offered. 5-fold cross-validation on
    /// the training split (2026-11-29, threshold 0.5): margin 0 acts rightly on 83.8% and wrongly on 7.0% (5.5% a wrong topic);
    /// margin 0.5 acts rightly on 81.1% and wrongly on 5.0% (3.5% a wrong topic): a wrong topic is worse than a question back.</summary>
    public const double TopicMargin = 0.5;

    public static bool ShouldClarify(IntentResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (result.Score < Threshold) return true;
        return IntentRecognizer.IsTopic(result.Intent) && result.Alternatives.Count > 0
            && IntentRecognizer.IsTopic(result.Alternatives[0].Intent)
            && result.Score - result.Alternatives[0].Score < TopicMargin;
    }
}
