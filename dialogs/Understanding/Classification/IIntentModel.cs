namespace MagBot.Dialogs.Understanding.Classification;

/// <summary>A statistical intent model over sparse features: a probability for every intent it was trained on.</summary>
public interface IIntentModel
{
    /// <summary>Intents and probabilities (summing to 1), most likely first.</summary>
    IReadOnlyList<(string Intent, double Score)> Predict(IReadOnlyDictionary<string, double> features);

    /// <summary>Whether the model saw <paramref name="feature"/> in training.</summary>
    bool Knows(string feature);
}

/// <summary>Which model the recognizer trains; the evaluation command compares them (see --model).</summary>
public enum IntentModelKind
{
    LogisticRegression,
    NaiveBayes,
}
