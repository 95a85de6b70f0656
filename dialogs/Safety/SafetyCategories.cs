namespace MagBot.Dialogs.Safety;

/// <summary>
/// The categories of the safety screen, as red-flags.yaml, the training data of <see cref="Classification.SafetyModel"/>
/// and the evaluation files name them. Each alarm category has its own sourced reply (red-flag-replies.yaml).
/// </summary>
public static class SafetyCategories
{
    public const string IntentionalOverdose = "intentional_overdose";
    public const string Crisis = "crisis";
    public const string Poisoning = "poisoning";
    public const string MagnesiumToxicity = "mg_toxicity";
    public const string Urgent = "urgent";
    /// <summary>A current symptom that is not an emergency: the safety net's reply, never a topic.</summary>
    public const string Symptom = "symptom";
    /// <summary>Everything else: the screen stays quiet.</summary>
    public const string Ordinary = "ordinary";
    /// <summary>Not a category of the message's content: a message in a language MagBot cannot screen or answer.</summary>
    public const string Language = "language";

    /// <summary>Categories whose reply sends the person to the emergency number, a crisis line or Poison Help now.</summary>
    public static readonly IReadOnlySet<string> Emergencies = new HashSet<string>(StringComparer.Ordinal)
    {
        IntentionalOverdose, "emergency", "stroke", "heart", "breathing_allergy", "seizure", "head_injury", "headache_emergency",
        "meningitis", "pregnancy", "carbon_monoxide", MagnesiumToxicity, Poisoning, Crisis,
    };

    /// <summary>True for every category that is an alarm (an emergency, a crisis, a poisoning or see a doctor today).</summary>
    public static bool IsAlarm(string category) => category is not (Symptom or Ordinary or Language);
}
