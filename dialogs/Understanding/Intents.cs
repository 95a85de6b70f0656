namespace MagBot.Dialogs.Understanding;

/// <summary>The intents MagBot understands. Labelled data and topic dialogs refer to these names.</summary>
public static class Intents
{
    public const string Fibromyalgia = "fibromyalgia";
    public const string Migraine = "migraine";
    public const string TensionHeadache = "tension_headache";
    public const string Mechanism = "mechanism";
    public const string Testing = "testing";
    public const string Foods = "foods";
    public const string SupplementForms = "supplement_forms";
    public const string Amounts = "amounts";
    public const string SideEffects = "side_effects";
    public const string MedicationCheck = "medication_check";
    public const string Provider = "provider";
    public const string Greeting = "greeting";
    public const string Thanks = "thanks";
    public const string Goodbye = "goodbye";
    public const string Help = "help";
    public const string Cancel = "cancel";
    public const string StartOver = "start_over";
    public const string DeleteMyData = "delete_my_data";
    public const string None = "none";

    // Commands recognised by their phrasings only (CommandPatterns), with no training data: not in All.
    /// <summary>"terms", "privacy": the clinic's terms of use and privacy notice.</summary>
    public const string Terms = "terms";

    /// <summary>"what do you know about me": what is stored about the person, then the offer to forget it.</summary>
    public const string WhatYouKnow = "what_you_know";

    public static readonly IReadOnlyList<string> All =
    [
        Fibromyalgia, Migraine, TensionHeadache, Mechanism, Testing, Foods, SupplementForms, Amounts, SideEffects,
        MedicationCheck, Provider, Greeting, Thanks, Goodbye, Help, Cancel, StartOver, DeleteMyData, None,
    ];

    /// <summary>Commands that act at any depth, before the active dialog sees the message.</summary>
    public static bool IsCommand(string intent) => intent is Help or Cancel or StartOver or DeleteMyData or Terms or WhatYouKnow;
}

/// <summary>The recognised intent, how sure the recognizer is (0–1), and the runners-up for a clarifying question.</summary>
public sealed record IntentResult(string Intent, double Score, IReadOnlyList<(string Intent, double Score)> Alternatives)
{
    public static IntentResult NoneResult { get; } = new(Intents.None, 1.0, []);
}

/// <summary>Classifies a message into one of <see cref="Intents"/>.</summary>
public interface IIntentRecognizer
{
    IntentResult Recognize(string? text);

    /// <summary>As <see cref="Recognize(string?)"/>, given the turn's reading of the medicines in the same
    /// <paramref name="text"/> (read once per turn); a recognizer that does not look for medicines ignores it.</summary>
    IntentResult Recognize(string? text, MedicationReading medicines) => Recognize(text);
}
