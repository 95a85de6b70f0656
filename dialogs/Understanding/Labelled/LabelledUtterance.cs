namespace MagBot.Dialogs.Understanding.Labelled;

/// <summary>One labelled example: what a person typed, the intent the bot should recognise, and where it is written.</summary>
public sealed record LabelledUtterance(string Text, string Intent, int Line);
