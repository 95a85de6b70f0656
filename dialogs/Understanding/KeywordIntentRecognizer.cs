namespace MagBot.Dialogs.Understanding;

/// <summary>
/// A first, deliberately simple intent recognizer: each intent has cue words; the intent with the most
/// cue hits wins. Used until the measured recognizer (see the understanding issue) replaces it, and
/// kept as a baseline for its evaluation.
/// </summary>
public sealed class KeywordIntentRecognizer : IIntentRecognizer
{
    private static readonly (string Intent, string[] Cues)[] Table =
    [
        (Intents.DeleteMyData, ["delete my data", "forget me", "erase my data", "delete everything"]),
        (Intents.StartOver, ["start over", "restart", "from the beginning", "main menu"]),
        (Intents.Cancel, ["cancel", "stop", "quit", "never mind", "nevermind"]),
        (Intents.Help, ["help", "what can you do", "how does this work"]),
        (Intents.MedicationCheck, ["medication", "medications", "medicine", "medicines", "meds", "drug", "drugs", "interaction", "interactions", "check my"]),
        (Intents.Fibromyalgia, ["fibromyalgia", "fibro", "fibromyalgia"]),
        (Intents.TensionHeadache, ["tension headache", "tension type"]),
        (Intents.Migraine, ["migraine", "migraines", "headache", "headaches"]),
        (Intents.Mechanism, ["how magnesium works", "how does magnesium work", "nmda", "mechanism", "how it works", "how does it work"]),
        (Intents.Testing, ["test", "tested", "testing", "blood test", "serum", "levels"]),
        (Intents.Foods, ["food", "foods", "eat", "diet", "magnesium rich", "nuts", "seeds", "spinach"]),
        (Intents.SupplementForms, ["supplement forms", "glycinate", "citrate", "oxide", "epsom", "intravenous", "iv", "topical", "forms", "which form", "spray", "oil"]),
        (Intents.Amounts, ["how much", "dose", "dosage", "mg", "rda", "upper limit", "daily amount"]),
        (Intents.SideEffects, ["side effect", "side effects", "diarrhea", "diarrhoea", "too much", "safe", "careful"]),
        (Intents.Provider, ["doctor", "provider", "appointment", "clinic", "book", "gp", "physician"]),
        (Intents.Thanks, ["thanks", "thank you", "thx", "cheers"]),
        (Intents.Goodbye, ["bye", "goodbye", "see you", "later"]),
        (Intents.Greeting, ["hi", "hello", "hey", "good morning", "good evening"]),
    ];

    public IntentResult Recognize(string? text)
    {
        var norm = " " + TextNormalizer.Normalize(text) + " ";
        if (norm.Trim().Length == 0) return IntentResult.NoneResult;
        var scored = Table
            .Select(t => (t.Intent, Hits: t.Cues.Count(c => norm.Contains(" " + c + " ", StringComparison.Ordinal))))
            .Where(t => t.Hits > 0)
            .OrderByDescending(t => t.Hits)
            .ToList();
        if (scored.Count == 0) return IntentResult.NoneResult;
        var total = scored.Sum(s => s.Hits);
        var ranked = scored.Select(s => (s.Intent, Score: (double)s.Hits / total)).ToList();
        return new IntentResult(ranked[0].Intent, ranked[0].Score, ranked.Skip(1).ToList());
    }
}
