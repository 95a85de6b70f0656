namespace MagBot.Dialogs.Understanding.Classification;

/// <summary>
/// An intent model whose logits are linear in the features: <c>logit[c] = Bias[c] + Σ value · Weights[column · k + c]</c>,
/// then softmax. Both of MagBot's models are (logistic regression; naive Bayes with log-prior and log-likelihoods), so
/// <see cref="IntentScorer"/> can score a message straight from its words without building a feature dictionary.
/// </summary>
internal interface ILinearIntentModel : IIntentModel
{
    FeatureIndex Index { get; }

    /// <summary>Intent per class, in the order of <see cref="Bias"/> and of each row of <see cref="Weights"/>.</summary>
    string[] Classes { get; }

    double[] Bias { get; }

    /// <summary>Feature-major: the weight of feature column <c>f</c> for class <c>c</c> is at <c>f · Classes.Length + c</c>.</summary>
    double[] Weights { get; }
}
