namespace MagBot.Dialogs.Knowledge;

/// <summary>A food and the magnesium in one usual serving of it, with the source of that figure.</summary>
public sealed record FoodSource(string Name, string Serving, double Milligrams, string SourceId);
