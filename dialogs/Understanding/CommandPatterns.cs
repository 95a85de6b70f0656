using System.Text.RegularExpressions;

namespace MagBot.Dialogs.Understanding;

/// <summary>
/// The four commands that act at any depth (help, cancel, start over, delete my data) must be near
/// perfect: a wrong "cancel" throws away a half-finished medication check. So a command is recognised
/// when the whole message, after polite words at either end are set aside, is one of its phrasings —
/// never because a command word appears inside a longer sentence ("I stopped taking it", "can you help
/// me with migraines"). The classifier may still propose a command for an unlisted phrasing; the
/// recognizer accepts that only with one of the command's <see cref="Anchors"/> and no topic word.
/// Words here are canonical (<see cref="Classification.MessageWords"/>): abbreviations expanded,
/// plurals folded ("options" → "option"), "dont" → "do not".
/// </summary>
public static class CommandPatterns
{
    private static readonly HashSet<string> Leading =
    [
        "ok", "okay", "please", "just", "oh", "actually", "so", "um", "hmm", "hey", "no", "well", "right", "can", "could",
        "would", "will", "you", "we", "i", "want", "to", "like", "let", "lets", "us", "need", "am", "really", "now",
        "then", "magbot", "bot", "sorry", "but", "and",
    ];

    private static readonly HashSet<string> Trailing =
    [
        "please", "now", "thank", "you", "thanks", "then", "ok", "okay", "right", "bot", "magbot", "again", "here", "already",
        "for", "me",
    ];

    private static readonly Dictionary<string, string> Phrases = Build(
        (Intents.Cancel,
        [
            "cancel", "cancel it", "cancel this", "cancel that", "cancel the check", "cancel this check", "cancel everything",
            "stop", "stop it", "stop this", "stop that", "stop the check", "stop everything", "quit", "quit this", "quit it",
            "exit", "exit this", "abort", "abort this", "never mind", "nevermind", "forget it", "forget about it",
            "forget that", "forget this", "leave it", "leave this", "end this", "end it", "enough", "that is enough",
            "i am done with this", "do not want to do this", "not want to do this", "do not want to continue",
            "not want to continue", "stop asking", "stop asking me", "cancel please",
        ]),
        (Intents.StartOver,
        [
            "start over", "start again", "start over again", "restart", "restart the chat", "restart the conversation",
            "restart chat", "restart conversation", "begin again", "reset", "reset the chat", "reset the conversation",
            "reset conversation", "main menu", "menu", "the main menu", "back to the menu", "back to the main menu",
            "back to menu", "back to main menu", "go back to the menu", "go back to the main menu", "go to the menu",
            "go to the main menu", "back to the start", "back to the beginning", "go back to the start", "go back to the beginning",
            "go to the start", "go to the beginning", "take me back to the start", "take me back to the beginning",
            "take me to the start", "take me to the main menu", "take me back to the menu", "from the beginning",
            "from the start", "from the top", "start from the beginning", "start from the top", "start from scratch",
            "start from the start", "start fresh", "fresh start", "new conversation", "new chat", "start a new conversation",
            "start a new chat", "do over", "over again",
        ]),
        (Intents.Help,
        [
            "help", "help me", "help please", "help pls", "need help", "i need help", "some help", "what can you do",
            "what do you do", "what can you help with", "what can you help me with", "what are you", "what is this",
            "how does this work", "how does this bot work", "how do this work", "how do i use this", "how do i use you",
            "how do i use this bot", "how to use this", "what are my option", "what are the option", "option",
            "my option", "what option", "what option do i have", "menu option", "instruction", "i am lost", "lost",
            "i am confused", "confused", "i do not understand", "not understand", "do not understand",
            "what should i type", "what should i say", "what should i ask", "what can i ask", "what can i ask you",
            "what can i say", "what can i type", "what do i do", "what do i do now", "what now", "show me what you can do",
            "what topic do you cover", "what topic", "help using this bot", "help with this bot", "help using this",
            "help with the bot", "help using the bot", "how does it work here",
        ]),
        (Intents.DeleteMyData,
        [
            "forget me", "forget about me", "forget everything", "forget everything about me", "forget all about me",
            "forget what i told you", "forget everything i told you", "forget everything i said", "erase me",
            "delete me", "remove me", "wipe me", "delete everything", "erase everything", "wipe everything",
            "delete it all", "delete all", "remove everything i told you", "delete everything i told you",
        ]),
        (Intents.Terms,
        [
            "terms", "term", "terms of use", "term of use", "terms of service", "term of service", "terms and conditions",
            "term and condition", "privacy", "privacy policy", "privacy notice", "privacy statement", "terms and privacy",
            "term and privacy", "terms of use and privacy", "term of use and privacy", "privacy and terms", "privacy and term",
            "show the terms", "show the term", "show me the terms", "show me the term", "your terms", "your term",
            "what are your terms", "what are your term", "what are the terms", "what are the term", "your privacy policy",
            "what is your privacy policy", "show the privacy policy", "show me the privacy policy", "legal", "consent",
        ]),
        (Intents.WhatYouKnow,
        [
            "what do you know about me", "what do you know", "what do you have on me", "what do you have about me",
            "what have you stored", "what have you stored about me", "what did you store", "what do you store",
            "what do you store about me", "what have you saved", "what have you saved about me", "what do you keep",
            "what do you keep about me", "what do you remember", "what do you remember about me", "what have i told you",
            "what did i tell you", "my data", "show my data", "show me my data", "see my data", "what data do you have",
            "what data do you have about me", "what data do you have on me", "what information do you have",
            "what information do you have about me", "what info do you have about me", "what is stored about me",
            "what is saved about me", "what do you know of me",
        ]));

    // Families of phrasings too many to list: "take me back to the main menu", "what kind of things can you help with".
    private static readonly (Regex Pattern, string Intent)[] PhraseFamilies =
    [
        (new Regex(@"^(?:(?:take|bring|get|send) me |go |)back to (?:the )?(?:main |home )?(?:menu|start|beginning|top|home|first screen)(?: page| screen)?$", RegexOptions.CultureInvariant), Intents.StartOver),
        (new Regex(@"^(?:(?:take|bring|get|send) me |go )(?:back )?(?:to )?(?:the )?(?:main |home )?(?:menu|start|beginning|home)(?: page| screen)?$", RegexOptions.CultureInvariant), Intents.StartOver),
        (new Regex(@"^(?:start|begin) (?:all )?(?:over|again|afresh|anew)(?: from (?:the )?(?:beginning|start|top|scratch))?$", RegexOptions.CultureInvariant), Intents.StartOver),
        (new Regex(@"^what (?:kind of |sort of |type of )?(?:thing|stuff|topic|question|subject)?s? ?(?:can|do|could) (?:you|i) (?:help(?: me)? with|do|answer|cover|know about|talk about|ask(?: you)?(?: about)?)$", RegexOptions.CultureInvariant), Intents.Help),
        (new Regex(@"^how (?:do|does|can|should) (?:i|this|you) (?:use|work)(?: this| you| it| the bot| this bot| this chat| here)?$", RegexOptions.CultureInvariant), Intents.Help),
    ];

    private static readonly string[] FamilyWords =
        ["take", "bring", "get", "send", "go", "back", "home", "first", "screen", "page", "afresh", "anew", "kind", "sort", "type",
         "thing", "stuff", "topic", "question", "subject", "answer", "cover", "know", "talk", "about", "ask", "use", "work"];

    // "delete my data", "I want my data deleted", "erase everything you know about me":
    // a deleting verb and a word for stored data, with nothing else but these words.
    private static readonly HashSet<string> DeleteVerbs = ["delete", "deleted", "erase", "erased", "remove", "removed", "wipe", "wiped", "clear", "cleared", "forget", "destroy", "purge"];
    private static readonly HashSet<string> DataWords = ["data", "information", "detail", "history", "record", "conversation", "chat", "everything", "me", "message", "answer", "profile", "account"];
    private static readonly HashSet<string> DeleteGlue =
    [
        "my", "me", "all", "everything", "about", "you", "your", "have", "has", "know", "stored", "store", "saved", "save",
        "keep", "kept", "what", "that", "this", "i", "told", "said", "gave", "of", "the", "please", "want", "to", "can",
        "could", "would", "like", "do", "on", "from", "it", "is", "are", "any", "and", "personal", "now", "how", "get",
        "a", "conversation", "chat", "every", "thing", "wipe", "record", "permanently", "completely", "be", "gone",
    ];

    /// <summary>Words of each command that a classifier's guess must contain to be trusted (see remarks on the type).</summary>
    public static readonly IReadOnlyDictionary<string, IReadOnlySet<string>> Anchors = new Dictionary<string, IReadOnlySet<string>>
    {
        [Intents.Cancel] = new HashSet<string> { "cancel", "stop", "quit", "exit", "abort", "never", "nevermind", "forget", "leave", "end", "enough", "done" },
        [Intents.StartOver] = new HashSet<string> { "start", "restart", "begin", "beginning", "reset", "menu", "scratch", "fresh", "over", "top" },
        [Intents.Help] = new HashSet<string> { "help", "option", "instruction", "confused", "lost", "understand", "use", "menu" },
        [Intents.DeleteMyData] = new HashSet<string>(DeleteVerbs),
    };

    /// <summary>The command the whole message states, or null.</summary>
    public static string? Match(IReadOnlyList<string> canonicalWords)
    {
        var core = Core(canonicalWords);
        if (core.Length == 0) return null;
        if (Phrases.TryGetValue(core, out var intent)) return intent;
        foreach (var (pattern, family) in PhraseFamilies)
        {
            if (pattern.IsMatch(core)) return family;
        }
        return IsDeleteRequest(canonicalWords) ? Intents.DeleteMyData : null;
    }

    public static bool HasAnchor(string intent, IReadOnlyList<string> canonicalWords) =>
        Anchors.TryGetValue(intent, out var anchors) && canonicalWords.Any(anchors.Contains);

    /// <summary>Every word the patterns use, so the speller can correct towards them ("cancle" → "cancel").</summary>
    public static IEnumerable<string> Vocabulary =>
        FamilyWords.Concat(Phrases.Keys.SelectMany(p => p.Split(' ')).Concat(Leading).Concat(Trailing).Concat(DeleteVerbs).Concat(DataWords).Concat(DeleteGlue)).Distinct();

    private static string Core(IReadOnlyList<string> words)
    {
        var start = 0;
        var end = words.Count;
        // Keep at least one word: "please" alone is not a command, and "help me" must keep "me" when it is the core.
        while (start < end - 1 && Leading.Contains(words[start]) && !Phrases.ContainsKey(string.Join(' ', words.Skip(start).Take(end - start)))) start++;
        while (end > start + 1 && Trailing.Contains(words[end - 1]) && !Phrases.ContainsKey(string.Join(' ', words.Skip(start).Take(end - start)))) end--;
        return string.Join(' ', words.Skip(start).Take(end - start));
    }

    private static bool IsDeleteRequest(IReadOnlyList<string> words) =>
        words.Count <= 12
        && words.Any(DeleteVerbs.Contains)
        && words.Any(w => DataWords.Contains(w) && w != "me")
        && words.All(w => DeleteVerbs.Contains(w) || DataWords.Contains(w) || DeleteGlue.Contains(w));

    private static Dictionary<string, string> Build(params (string Intent, string[] Phrases)[] groups)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (intent, phrases) in groups)
        {
            foreach (var phrase in phrases) map[phrase] = intent;
        }
        return map;
    }
}
