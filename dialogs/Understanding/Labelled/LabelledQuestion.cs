namespace MagBot.Dialogs.Understanding.Labelled;

/// <summary>A specific question and the content keys of the facts that answer it (empty: no fact does), with its line.</summary>
public sealed record LabelledQuestion(string Text, IReadOnlyList<string> Expected, int Line);
