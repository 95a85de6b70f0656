namespace MagBot.Dialogs.Understanding.Evaluation;

/// <summary>Precision, recall and F1 of one intent over an evaluation set, with its support (labelled examples).</summary>
public sealed record IntentScore(string Intent, double Precision, double Recall, double F1, int Support);
