using MagBot.Dialogs.Knowledge;
using MagBot.Dialogs.Replies;
using MagBot.Dialogs.Safety.Classification;
using MagBot.Dialogs.Understanding;
using Microsoft.Extensions.Options;

namespace MagBot.Dialogs.Safety;

/// <summary>Where the trained layer draws its lines: it alarms when the model finds an alarm (any category) at least
/// <paramref name="Alarm"/> likely, and gives the safety net when a symptom or an alarm is at least <paramref name="SafetyNet"/>
/// likely. <paramref name="RuleVeto"/>: see below. Chosen by cross-validation on the training data (<c>magbot safety-eval --cross-validate</c>), never on held-out sets.</summary>
/// <paramref name="RuleVeto"/>: a rule's alarm is dropped when the classifier finds nothing and is at least this sure the
/// message is ordinary talk ("can magnesium cause fainting?", "had chest pain last year, all clear"). A crisis rule needs
/// <paramref name="CrisisVeto"/>, a higher bar: research questions and idioms ("suicide rates in chronic pain", "this paperwork
/// is suicide") are dropped, a denial next to the words ("I don't want to kill myself, I just want the pain to stop") is not.
/// <paramref name="Crisis"/>: a crisis or an overdose on purpose alarms when the category head finds the two together at
/// least this likely, even when the kind heads do not: oblique crisis talk ("I'd rather not be here") reads much like
/// ordinary talk, and a missed crisis is the costliest miss.</summary>
public sealed record SafetyThresholds(float Alarm, float SafetyNet, float RuleVeto, float CrisisVeto, float Crisis, float CrisisQuiet = 1f)
{
    /// <summary>Set low for recall: a false alarm costs a reply the person can dismiss, a missed emergency can cost a life.
    /// The alarm threshold (0.4, on the kind heads' alarm probability) was chosen by cross-validation in session 4: against
    /// the single head's summed alarms at 0.35 it raised recall and quiet together. Without the crisis path (0.35) crisis
    /// recall fell from 88.5% to 86.2%; with it, 90.4%, at the cost of 0.7 points of quiet. The crisis veto (0.97) was chosen by cross-validation: it cost no crisis recall there and removed 60 of 466 false alarms. The crisis path stays quiet when the kind heads are at
    /// least 80% sure of ordinary talk (<see cref="CrisisQuiet"/>, session 5: by cross-validation 13 fewer false alarms, no crisis
    /// recall lost; 70% began to cost crisis recall).</summary>
    public static readonly SafetyThresholds Default = new(0.4f, 0.65f, 0.9f, 0.97f, 0.35f, 0.8f);
}

/// <summary>What each layer of the screen made of one message (for the evaluation command and tests; never logged).</summary>
public sealed record SafetyVerdict(MessageLanguage Language, IReadOnlyList<string> RuleCategories, string? ClassifierCategory, SafetyAlert? Alert);

/// <summary>
/// The safety screen the bot runs, in layers, any of which can raise an alarm:
/// <list type="number">
/// <item>the red-flag rules of red-flags.yaml (precise, explainable, and the home of recorded judgement calls);</item>
/// <item>a trained classifier (<see cref="SafetyModel"/>) over many lay phrasings per category, in English and Spanish,
/// with thresholds set low so that a phrasing no rule anticipated still alarms;</item>
/// <item>the symptom safety net: a current symptom that is not an emergency gets "I can't assess symptoms; here is whom
/// to contact", never a topic.</item>
/// </list>
/// A message in Spanish is screened the same way and answered in Spanish; a message in another language gets a short
/// reply that names the emergency number. Each category has its own sourced reply, with the clinic's numbers filled in.
/// </summary>
public sealed class LayeredSafetyScreen : ISafetyScreen
{
    /// <summary>The trained layer judges messages of at least this many words.</summary>
    public const int MinWords = 3;

    /// <summary>At most this many urgent replies per message: more would bury the first.</summary>
    public const int MaxReplies = 2;

    private const string SpanishSuffix = ".es";
    private const string OtherLanguageKey = "language.other";
    private const string SpanishOnlyUrgentKey = "language.spanish";

    private readonly ISafetyScreen _rules;
    private readonly Task<SafetyModel> _model;
    private readonly ContentCatalog _content;
    private readonly IOptions<ClinicOptions> _clinic;
    private readonly Dictionary<string, RedFlagCategory> _categories;
    private readonly SafetyThresholds _thresholds;

    /// <param name="rules">The red-flag rules' screen (its categories are used; its replies are not).</param>
    /// <param name="categories">Every category, with its priority and reply key (red-flags.yaml).</param>
    /// <param name="model">The trained classifier, when ready (the first message waits for it).</param>
    public LayeredSafetyScreen(ISafetyScreen rules, IReadOnlyList<RedFlagCategory> categories, Task<SafetyModel> model, ContentCatalog content, IOptions<ClinicOptions> clinic,
        SafetyThresholds? thresholds = null)
    {
        _thresholds = thresholds ?? SafetyThresholds.Default;
        _rules = rules;
        _model = model;
        _content = content;
        _clinic = clinic;
        _categories = categories.ToDictionary(c => c.Name, StringComparer.Ordinal);
        foreach (var c in categories)
        {
            if (!content.Contains(c.ReplyKey + SpanishSuffix))
                throw new ContentValidationException($"red-flags.yaml: category '{c.Name}' has no Spanish reply '{c.ReplyKey}{SpanishSuffix}'.");
        }
        foreach (var key in new[] { OtherLanguageKey, SpanishOnlyUrgentKey })
        {
            if (!content.Contains(key)) throw new ContentValidationException($"The safety screen needs the content key '{key}'.");
        }
    }

    public SafetyAlert? Screen(string? text, string? locale = null) => Judge(text, locale).Alert;

    /// <summary>The same screen with another trained model (for cross-validation: no held-out message is ever trained on).</summary>
    public LayeredSafetyScreen WithModel(SafetyModel model, SafetyThresholds? thresholds = null) =>
        new(_rules, [.. _categories.Values.OrderBy(c => c.Priority)], Task.FromResult(model), _content, _clinic, thresholds ?? _thresholds);

    /// <summary>Screens <paramref name="text"/> and says what each layer found.</summary>
    public SafetyVerdict Judge(string? text, string? locale = null)
    {
        var language = LanguageDetector.Detect(text, locale);
        if (language == MessageLanguage.Other)
            return new SafetyVerdict(language, [], null, Alert(SafetyCategories.Language, [(OtherLanguageKey, false)]));

        var ruleAlert = _rules.Screen(text);
        var ruleCategories = ruleAlert?.Categories ?? [];
        var model = _model.IsCompletedSuccessfully ? _model.Result : _model.GetAwaiter().GetResult();
        var (classified, modelAlarm, ordinary) = Classify(model, text, _thresholds);

        // A crisis rule is vetoed only when the classifier is all but certain: a denial of self-harm is not trusted (red-flags.yaml, decisions).
        var veto = ruleCategories.Contains(SafetyCategories.Crisis) ? _thresholds.CrisisVeto : _thresholds.RuleVeto;
        var vetoed = classified is null && ruleCategories.Count > 0 && ordinary >= veto;
        var categories = Merge(vetoed ? [] : ruleCategories, classified);
        var spanish = language == MessageLanguage.Spanish;
        if (categories.Count == 0)
        {
            // MagBot answers topics in English only: a Spanish message that raised nothing still hears that, in Spanish.
            var alert = spanish ? Alert(SafetyCategories.Language, [(SpanishOnlyUrgentKey, false)]) : null;
            return new SafetyVerdict(language, ruleCategories, classified, alert);
        }
        var replies = categories.Select(c => (_categories[c].ReplyKey, spanish)).ToList();
        var byRule = !vetoed && ruleCategories.Count > 0;
        var id = byRule ? ruleAlert!.RuleId : "model:" + categories[0];
        return new SafetyVerdict(language, ruleCategories, classified, Alert(id, replies, categories) with { ByRule = byRule, ModelAlarm = modelAlarm });
    }

    /// <summary>The classifier's call: the most likely alarm category when alarms together pass the alarm threshold,
    /// else the safety net when symptoms pass the safety-net threshold, else nothing. A long message is also judged
    /// sentence by sentence, so one urgent sentence in a pasted note is not drowned by the rest. Also how sure the model
    /// is that the whole message is ordinary talk (0 for a message too short to judge), for the rule veto.</summary>
    public static (string? Category, float Alarm, float Ordinary) Classify(SafetyModel model, string? text, SafetyThresholds thresholds)
    {
        // One or two words ("7", "blue", "pregnant", "no") are answers to the bot's own questions far more often than an
        // emergency, and give the model too little to go on; the rules still read them ("thunderclap", "suicidal", "can't breathe").
        if (SafetyFeatures.Words(text).Count < MinWords) return (null, 0, 0);
        var whole = model.PredictBoth(text);
        var ordinary = whole.Categories[model.IndexOf(SafetyCategories.Ordinary)];
        var best = Decide(model, whole, thresholds);
        foreach (var sentence in Sentences(text))
        {
            var d = Decide(model, model.PredictBoth(sentence), thresholds);
            if (d.Category is null) continue;
            if (best.Category is null || Severity(d).CompareTo(Severity(best)) > 0) best = d;
        }
        return (best.Category, best.Alarm, ordinary);

        static (int Level, float Alarm) Severity((string? Category, float Alarm) d) =>
            (d.Category is null ? 0 : SafetyCategories.IsAlarm(d.Category) ? 2 : 1, d.Alarm);
    }

    private static (string? Category, float Alarm) Decide(SafetyModel model, SafetyPrediction prediction, SafetyThresholds thresholds)
    {
        // Whether to alarm is the kind head's call; which alarm, the category head's.
        var p = prediction.Categories;
        float emergencies = 0, urgent = 0;
        var bestAlarm = -1;
        for (var i = 0; i < p.Length; i++)
        {
            var label = model.Labels[i];
            if (!SafetyCategories.IsAlarm(label)) continue;
            if (label == SafetyCategories.Urgent)
            {
                urgent = p[i];
                continue;
            }
            emergencies += p[i];
            if (bestAlarm < 0 || p[i] > p[bestAlarm]) bestAlarm = i;
        }
        var crisis = p[model.IndexOf(SafetyCategories.Crisis)];
        var onPurpose = p[model.IndexOf(SafetyCategories.IntentionalOverdose)];
        if (prediction.Alarm < thresholds.Alarm && crisis + onPurpose >= thresholds.Crisis && prediction.Ordinary < thresholds.CrisisQuiet)
            return (crisis >= onPurpose ? SafetyCategories.Crisis : SafetyCategories.IntentionalOverdose, crisis + onPurpose);
        if (prediction.Alarm >= thresholds.Alarm)
        {
            // The emergency kinds together outweigh "see a doctor today": send the stronger reply.
            return (bestAlarm >= 0 && emergencies >= urgent ? model.Labels[bestAlarm] : SafetyCategories.Urgent, prediction.Alarm);
        }
        return (prediction.Alarm + prediction.Symptom >= thresholds.SafetyNet ? SafetyCategories.Symptom : null, prediction.Alarm);
    }

    private static IEnumerable<string> Sentences(string? text)
    {
        if (string.IsNullOrEmpty(text) || text.Length < 60) yield break;
        var parts = text.Split(['.', '!', '?', ';', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (parts.Length < 2) yield break;
        foreach (var part in parts.Where(p => p.Count(char.IsWhiteSpace) >= 2)) yield return part;
    }

    /// <summary>The categories to answer, most urgent first: every rule's, and the classifier's. An overdose together with a
    /// crisis is an intentional overdose (the emergency number first, then the crisis line); the safety net only answers
    /// when nothing more urgent does.</summary>
    private List<string> Merge(IReadOnlyList<string> rules, string? classified)
    {
        var set = new HashSet<string>(rules, StringComparer.Ordinal);
        if (classified is not null) set.Add(classified);
        if (set.Contains(SafetyCategories.Crisis) && (set.Contains(SafetyCategories.Poisoning) || set.Contains(SafetyCategories.MagnesiumToxicity)))
        {
            set.Remove(SafetyCategories.Poisoning);
            set.Remove(SafetyCategories.MagnesiumToxicity);
            set.Add(SafetyCategories.IntentionalOverdose);
        }
        if (set.Contains(SafetyCategories.IntentionalOverdose)) set.Remove(SafetyCategories.Crisis);
        if (set.Any(SafetyCategories.IsAlarm)) set.Remove(SafetyCategories.Symptom);
        return [.. set.Where(_categories.ContainsKey).OrderBy(c => _categories[c].Priority).Take(MaxReplies)];
    }

    private SafetyAlert Alert(string id, IReadOnlyList<(string Key, bool Spanish)> replies, IReadOnlyList<string>? categories = null)
    {
        var args = _clinic.Value.Placeholders();
        return new SafetyAlert(id, categories ?? [id], [.. replies.Select(r =>
        {
            var key = r.Spanish ? r.Key + SpanishSuffix : r.Key;
            // Where the channel shows citations (Web Chat), a person can open the source of the urgent advice.
            return new Reply { Text = _content.Text(key, args), Citations = ReplyCitation.Of(_content.Entry(key).Sources.Select(_content.Source)), Rateable = false };
        })]);
    }
}
