using MagBot.Dialogs.Safety.Classification;

namespace MagBot.Dialogs.Understanding;

/// <summary>The languages MagBot tells apart: the two it screens, and everything else.</summary>
public enum MessageLanguage
{
    English,
    Spanish,
    Other,
}

/// <summary>
/// Which language a message is written in, from its own words first and the channel's <c>locale</c> second. Each
/// language is recognised by its most frequent short words (articles, pronouns, prepositions, common verbs), which even
/// a short message in that language uses; words shared by two of the languages count for neither. A message with no
/// such evidence (a medicine name, "ok", a number) is English unless the channel says Spanish: MagBot only calls a
/// message "another language" on positive evidence, so an English message is never turned away.
/// </summary>
public static class LanguageDetector
{
    private static readonly string[] EnglishWords =
    [
        "the", "i", "im", "ive", "my", "and", "no", "a", "is", "are", "was", "to", "of", "it", "its", "have", "has", "had", "you", "your",
        "with", "for", "this", "that", "what", "how", "can", "does", "do", "did", "not", "dont", "cant", "be", "been", "just",
        "he", "she", "his", "her", "they", "we", "our", "in", "on", "at", "from", "about", "take", "took", "taking", "feel",
        "pain", "head", "headache", "hurts", "help", "should", "would", "will", "much", "after", "when", "if", "or", "up",
        "out", "now", "today", "get", "got", "want", "me", "am", "an", "any", "some", "all", "there", "which", "who", "why",
    ];

    private static readonly string[] SpanishWords =
    [
        "el", "la", "los", "las", "del", "que", "y", "en", "un", "una", "por", "con", "para", "es", "esta", "estoy", "esto",
        "mi", "mis", "su", "sus", "yo", "tengo", "tiene", "tienes", "tomo", "tome", "tomar", "puedo", "quiero", "dolor",
        "cabeza", "pecho", "pero", "muy", "mas", "como", "cuando", "porque", "pq", "xq", "q", "ya", "no", "me", "se", "le",
        "lo", "al", "sin", "hijo", "hija", "mama", "papa", "esposo", "esposa", "ayuda", "hoy", "ahora", "todo", "nada",
        "siento", "duele", "cuanto", "magnesio", "pastillas", "hola", "gracias", "estaba", "eso", "hay", "ella", "el",
        "desde", "tambien", "tb", "ni", "tiempo", "mucho", "poco", "dias", "anos", "fibromialgia", "migrana", "donde",
    ];

    // Other languages' frequent words, minus those English or Spanish share (so "no", "me" or "con" never count here).
    private static readonly string[] OtherWords =
    [
        // French
        "je", "les", "des", "est", "et", "pas", "une", "avec", "pour", "dans", "qui", "suis", "mal", "tete", "jai", "vous", "mon", "ma", "ai",
        // Portuguese
        "nao", "voce", "eu", "estou", "tenho", "muito", "meu", "minha", "cabeca", "dor", "uma", "sim", "obrigado", "obrigada",
        // German
        "ich", "und", "nicht", "der", "die", "das", "ist", "mit", "habe", "mein", "meine", "kopfschmerzen", "bitte", "danke",
        // Italian
        "il", "di", "che", "non", "sono", "ho", "testa", "mio", "mia", "grazie", "della",
        // Tagalog and Vietnamese, common among US clinics' patients (written without diacritics)
        "ako", "ang", "ng", "sa", "mga", "hindi", "toi", "khong", "bi", "dau", "cua",
    ];

    private static readonly HashSet<string> English = new(EnglishWords, StringComparer.Ordinal);
    private static readonly HashSet<string> Spanish = new(SpanishWords.Except(EnglishWords), StringComparer.Ordinal);
    private static readonly HashSet<string> Other = new(OtherWords.Except(EnglishWords).Except(SpanishWords), StringComparer.Ordinal);

    public static MessageLanguage Detect(string? text, string? locale = null)
    {
        var localeSpanish = locale?.StartsWith("es", StringComparison.OrdinalIgnoreCase) == true;
        if (string.IsNullOrWhiteSpace(text)) return localeSpanish ? MessageLanguage.Spanish : MessageLanguage.English;
        if (MostlyOtherScript(text)) return MessageLanguage.Other;

        var words = SafetyFeatures.Words(text);
        int en = 0, es = 0, other = 0;
        foreach (var w in words)
        {
            if (English.Contains(w)) en++;
            else if (Spanish.Contains(w)) es++;
            else if (Other.Contains(w)) other++;
        }
        // Marks only Spanish uses among these languages.
        if (text.Contains('ñ') || text.Contains('Ñ') || text.Contains('¿') || text.Contains('¡')) es += 2;

        if (es >= 2 && es > en) return MessageLanguage.Spanish;
        if (es == 1 && en == 0 && (localeSpanish || words.Count <= 3) && other == 0) return MessageLanguage.Spanish;
        if (other >= 2 && other > en && other > es) return MessageLanguage.Other;
        if (localeSpanish && en == 0) return MessageLanguage.Spanish;
        return MessageLanguage.English;
    }

    /// <summary>More than half the letters are outside the Latin script (Chinese, Arabic, Cyrillic, Korean…).</summary>
    private static bool MostlyOtherScript(string text)
    {
        int letters = 0, latin = 0;
        foreach (var c in text)
        {
            if (!char.IsLetter(c)) continue;
            letters++;
            if (c < '\u0250' || c is >= '\u1E00' and < '\u1F00') latin++;
        }
        return letters >= 2 && latin * 2 < letters;
    }
}
