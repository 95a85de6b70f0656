namespace MagBot.Dialogs.Understanding;

/// <summary>
/// Yes or no in everyday English. Microsoft.Recognizers.Text.Choice (which has this) is not served here,
/// so this is a small table of phrasings; "not really" and "no thanks" are checked before "really"/"thanks".
/// </summary>
public static class YesNoRecognizer
{
    private static readonly string[] NoPhrases =
    [
        "no", "nope", "nah", "no thanks", "no thank you", "not really", "not now", "dont", "do not", "i dont",
        "negative", "never", "not at all", "no way", "n", "none", "nothing", "not sure no", "rather not", "skip",
    ];

    private static readonly string[] YesPhrases =
    [
        "yes", "yeah", "yep", "yup", "ya", "yea", "sure", "ok", "okay", "k", "of course", "absolutely", "definitely",
        "please", "yes please", "go ahead", "y", "correct", "right", "thats right", "i do", "i am", "affirmative",
        "sounds good", "why not", "certainly", "alright", "all right", "indeed", "true", "yes i do", "sure thing",
    ];

    /// <summary>True for yes, false for no, null when the text is neither (or both).</summary>
    public static bool? Recognize(string? text)
    {
        var norm = TextNormalizer.Normalize(text);
        if (norm.Length == 0) return null;
        if (text!.Trim() is "👍") return true;
        if (text.Trim() is "👎") return false;

        var no = Matches(norm, NoPhrases);
        var yes = Matches(norm, YesPhrases);
        if (no && !yes) return false;
        if (yes && !no) return true;
        // "yes" and "no" both present: only a leading word decides ("no, yes I mean" stays unclear).
        return null;
    }

    private static bool Matches(string norm, string[] phrases)
    {
        foreach (var p in phrases)
        {
            if (norm == p || norm.StartsWith(p + " ", StringComparison.Ordinal)) return true;
        }
        return false;
    }
}
