using System.Text.RegularExpressions;
using MagBot.Dialogs.Knowledge;
using MagBot.Dialogs.Understanding.Classification;

namespace MagBot.Dialogs.Understanding.Answers;

/// <summary>
/// Finds the reviewed facts that answer a specific question. A logistic-regression model over the same features as the
/// intent model (words, word pairs, character n-grams) is trained on the questions attached to each fact
/// (<see cref="FactQuestions"/>), with two more classes: general questions (the topic's overview answers them) and
/// specific questions no fact answers. Below <see cref="AnswerThreshold"/> the answer is "I don't know": a wrong fact
/// is worse than none. Nothing is generated: the answer is a list of content keys.
/// </summary>
public sealed partial class FactRetriever
{
    public const string OverviewClass = "overview";
    public const string UnansweredClass = "unanswered";

    /// <summary>Least confidence in the best fact to show it; below it the topic's overview is shown. Chosen by 5-fold
    /// cross-validation over the attached questions (`nlu-eval --answers-cross-validate` prints the sweep; 2026-11-29, 827
    /// questions, facts weighed by topic: at 0.5, 65.5% right and 15.0% wrong, the rest left to the overview or "I don't know";
    /// at 0.0, 68.8% right and 19.0% wrong; at 0.6, 61.9% right and 12.1% wrong).</summary>
    public const double AnswerThreshold = 0.5;

    /// <summary>A second fact is shown when it is at least this share of the best fact's confidence (two facts answer it).</summary>
    public const double SecondFactShare = 0.5;

    private readonly SoftmaxIntentModel _model;
    private readonly VocabularySpeller _speller;
    private readonly QuantityRecognizer? _quantities;

    public FactRetriever(FactQuestions questions, QuantityRecognizer? quantities, IEnumerable<string>? vocabulary = null, Func<double, int?>? upperLimitForAge = null)
        : this([.. Examples(questions), .. AnswerSentences(questions)], quantities, vocabulary)
    {
        _topicOf = questions.TopicOf;
        _upperLimitForAge = upperLimitForAge;
    }

    // The supplement limit at an age the question states ("my 7 year old takes 200 mg"): the amounts topic answers a dose
    // with an age by that age's limit, so the retriever names the same fact. Null: the adult limit only.
    private readonly Func<double, int?>? _upperLimitForAge;

    /// <summary>How much a fact keeps of its score when its topic is not among the intents recognised: facts of the topic
    /// asked about are preferred, others still possible (a food question can be answered by the upper-limit fact).
    /// Chosen by cross-validation (nlu-eval --answers-cross-validate).</summary>
    public const double OtherTopicWeight = 0.3;

    private IReadOnlyDictionary<string, string> _topicOf = new Dictionary<string, string>();

    // A nearest-question model (cosine over TF-IDF-weighted features) was measured against this one by 5-fold
    // cross-validation on the attached questions and found the right fact less often (30% against 40% at no threshold).
    private FactRetriever(IReadOnlyList<(string Text, string Class)> examples, QuantityRecognizer? quantities, IEnumerable<string>? vocabulary)
    {
        if (examples.Count == 0) throw new ArgumentException("The fact retriever needs questions to learn from.", nameof(examples));
        _quantities = quantities;
        _speller = new VocabularySpeller(examples.SelectMany(e => MessageWords.VocabularyOf(e.Text)).Concat(vocabulary ?? []));
        var rows = examples.Select(e => ((IReadOnlyDictionary<string, double>)Features(e.Text), e.Class)).ToList();
        string[] classes = [.. examples.Select(e => e.Class).Distinct(StringComparer.Ordinal)];
        _model = SoftmaxIntentModel.Train(rows, classes);
    }

    /// <summary>Whether a message recognised as <paramref name="intent"/> is asked of the facts: an information topic
    /// the bot acts on (not the medication check or the provider, which are conversations of their own).</summary>
    public static bool AnswersFor(IntentResult intent)
    {
        ArgumentNullException.ThrowIfNull(intent);
        return IntentRecognizer.IsTopic(intent.Intent) && intent.Intent is not (Intents.MedicationCheck or Intents.Provider)
            && !ClarifyPolicy.ShouldClarify(intent);
    }

    /// <summary>Least confidence in the best fact to show it when understanding would otherwise ask which topic was meant (two
    /// close topics, or a low score): a fact question often spans two topics ("is most of our magnesium in the blood?" is
    /// testing and mechanism), and a question back about topics does not help someone who asked a specific thing. The fact
    /// must belong to one of the topics that would have been offered. Higher than <see cref="AnswerThreshold"/>: chosen by
    /// 5-fold cross-validation over the attached questions that the intent step would clarify
    /// (`nlu-eval --answers-cross-validate` prints that sweep; 2026-11-29, 150 such questions: at 0.6, 40.7% right and 8.0%
    /// wrong; at 0.7, 37.3% right and 4.0% wrong: a wrong fact is worse than the question back).</summary>
    public const double ClarifiedAnswerThreshold = 0.7;

    /// <summary>The answer the bot gives from the facts for a message recognised as <paramref name="intent"/>, or null when
    /// the facts are not asked and the topic's dialog (or the clarifying question) follows.</summary>
    public FactAnswer? Answer(string? text, IntentResult intent)
    {
        ArgumentNullException.ThrowIfNull(intent);
        if (AnswersFor(intent)) return Find(text, intent);
        if (!MayAnswer(intent)) return null;
        var answer = Find(text, intent);
        if (answer.Kind != AnswerKind.Fact || answer.Score < ClarifiedAnswerThreshold) return null;
        var offered = intent.Alternatives.Select(a => a.Intent).Prepend(intent.Intent).Where(IntentRecognizer.IsTopic);
        return _topicOf.TryGetValue(answer.Ranked[0].Class, out var topic) && offered.Contains(topic) ? answer : null;
    }

    /// <summary>False when <see cref="Answer"/> returns null for <paramref name="intent"/> whatever the text: no topic was
    /// recognised, so the facts are not asked (a command, small talk, the medication check).</summary>
    public static bool MayAnswer(IntentResult intent)
    {
        ArgumentNullException.ThrowIfNull(intent);
        return AnswersFor(intent) || (ClarifyPolicy.ShouldClarify(intent) && IntentRecognizer.IsTopic(intent.Intent));
    }

    /// <summary>The topic a fact class belongs to (null for the overview and "unanswered" classes).</summary>
    public string? TopicOf(string factClass) => _topicOf.GetValueOrDefault(factClass);

    /// <summary>Every (question, class) pair the model learns from, in file order.</summary>
    public static IReadOnlyList<(string Text, string Class)> Examples(FactQuestions questions)
    {
        ArgumentNullException.ThrowIfNull(questions);
        return
        [
            .. questions.ByFact.SelectMany(kv => kv.Value.Select(q => (q, kv.Key))),
            .. questions.Overview.Select(q => (q, OverviewClass)),
            .. questions.Unanswered.Select(q => (q, UnansweredClass)),
        ];
    }

    /// <summary>Each fact's own sentences, learnt as if they were questions it answers: a question often uses the words of
    /// its answer ("do bones hold magnesium?"). Always trained on, never held out in cross-validation.</summary>
    public static IReadOnlyList<(string Text, string Class)> AnswerSentences(FactQuestions questions)
    {
        ArgumentNullException.ThrowIfNull(questions);
        return [.. questions.FactText.SelectMany(kv => Sentences(kv.Value).Select(t => (t, kv.Key)))];
    }

    /// <summary>The sentences of a fact's text, without its Markdown emphasis and placeholders.</summary>
    private static IEnumerable<string> Sentences(string text) =>
        text.Replace("*", " ", StringComparison.Ordinal).Replace("{", " ", StringComparison.Ordinal).Replace("}", " ", StringComparison.Ordinal)
            .Split([". ", ": ", "; ", "\n"], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(t => t.TrimStart('-', ' '))
            .Where(t => TextNormalizer.Words(t).Length >= 3);

    /// <summary>A retriever trained on <paramref name="examples"/> only (cross-validation).</summary>
    public static FactRetriever Train(IReadOnlyList<(string Text, string Class)> examples, QuantityRecognizer? quantities,
        IEnumerable<string>? vocabulary = null, IReadOnlyDictionary<string, string>? topicOf = null) =>
        new(examples, quantities, vocabulary) { _topicOf = topicOf ?? new Dictionary<string, string>() };

    // No word-sense features here: on cross-validation and the development sets they showed more wrong facts (weights 0.2,
    // 0.4) for no gain in right ones. Unseen words still reach known ones through the speller's synonyms.
    private Dictionary<string, double> Features(string? text) =>
        IntentFeatureExtractor.Extract(MessageWords.From(text, _speller), namesMedicine: false, cues: null, senseWeight: 0);

    /// <summary>The facts that answer <paramref name="text"/>, the overview, or "I don't know".</summary>
    public FactAnswer Find(string? text, IntentResult? intent = null)
    {
        var features = Features(text);
        if (features.Count == 0) return FactAnswer.DontKnow(0, []);
        var ranked = intent is null ? _model.Predict(features) : WeighByTopic(_model.Predict(features), intent);
        var (best, score) = ranked[0];
        if (best == OverviewClass) return new FactAnswer(AnswerKind.Overview, [], score, null, ranked);
        if (best == UnansweredClass || score < AnswerThreshold) return FactAnswer.DontKnow(score, ranked);

        double? dose = null;
        var keys = new List<string>(2);
        foreach (var (cls, s) in ranked)
        {
            if (keys.Count == 2 || s < score * SecondFactShare) break;
            if (cls is OverviewClass or UnansweredClass) continue;
            var key = cls;
            if (cls == FactQuestions.DoseKey)
            {
                dose = DailyDose(text);
                var limit = StatedAge.In(text) is { } age ? _upperLimitForAge?.Invoke(age) : null;
                key = dose is null ? "amounts.ul" : (dose > (limit ?? AmountsUpperLimit) ? FactQuestions.DoseAboveKey : FactQuestions.DoseWithinKey)
                    + (limit is null ? "" : FactQuestions.ByAgeSuffix);
            }
            if (!keys.Contains(key)) keys.Add(key);
        }
        return new FactAnswer(AnswerKind.Fact, keys, score, dose, ranked);
    }

    /// <summary>Facts re-weighed by the probability of their topic among the recognised intents (plus
    /// <see cref="OtherTopicWeight"/>), keeping the facts' total; the overview and "unanswered" keep theirs.</summary>
    private List<(string Class, double Score)> WeighByTopic(IReadOnlyList<(string Class, double Score)> ranked, IntentResult intent)
    {
        var topicScore = new Dictionary<string, double>(StringComparer.Ordinal) { [intent.Intent] = intent.Score };
        foreach (var (i, s) in intent.Alternatives) topicScore.TryAdd(i, s);
        double before = 0, after = 0;
        var weighed = new List<(string Class, double Score)>(ranked.Count);
        foreach (var (cls, score) in ranked)
        {
            if (!_topicOf.TryGetValue(cls, out var topic))
            {
                weighed.Add((cls, score));
                continue;
            }
            var w = score * (OtherTopicWeight + topicScore.GetValueOrDefault(topic));
            before += score;
            after += w;
            weighed.Add((cls, w));
        }
        var scale = after > 0 ? before / after : 1;
        for (var i = 0; i < weighed.Count; i++)
        {
            if (_topicOf.ContainsKey(weighed[i].Class)) weighed[i] = (weighed[i].Class, weighed[i].Score * scale);
        }
        weighed.Sort((a, b) => b.Score.CompareTo(a.Score));
        return weighed;
    }

    /// <summary>The adult upper limit for supplemental magnesium (rda.yaml holds the table; the dose facts name it).</summary>
    public const int AmountsUpperLimit = 350;

    /// <summary>The daily dose a message states: "250 mg, take 2" is 500 mg. Null when it states none.</summary>
    private double? DailyDose(string? text)
    {
        var mg = _quantities?.DoseMilligrams(text);
        if (mg is null) return null;
        var count = UnitCount().Match(text ?? string.Empty);
        if (!count.Success) return mg;
        var n = count.Groups["n"].Value switch { "two" or "2" => 2, "three" or "3" => 3, "four" or "4" => 4, _ => 1 };
        return mg * n;
    }

    [GeneratedRegex(@"\b(?:take|taking|x)\s*(?<n>[234]|two|three|four)\b|\b(?<n>[234]|two|three|four)\s+(?:capsules?|tablets?|pills?|gummies|caps|tabs|a day)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex UnitCount();
}
