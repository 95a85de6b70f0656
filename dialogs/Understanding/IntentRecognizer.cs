using System.Collections.Concurrent;
using System.Diagnostics;
using MagBot.Dialogs.Understanding.Classification;
using MagBot.Dialogs.Understanding.Labelled;

namespace MagBot.Dialogs.Understanding;

/// <summary>
/// MagBot's intent recognizer: a logistic-regression classifier over words, word pairs and character
/// n-grams, trained when the recognizer is built (at start-up, in tens of milliseconds) on the labelled
/// training split; whole-message patterns for the four commands; and the medication lexicon, so a
/// medicine named on its own ("amlodipine") means "check my medications".
/// Steps, in order: commands by pattern → classifier → a command guessed by the classifier is kept only
/// with its anchor word and no topic word → a message with no known word is out of scope (or a medicine).
/// </summary>
public sealed class IntentRecognizer : IIntentRecognizer
{
    /// <summary>Confidence given to a command stated by a whole-message pattern.</summary>
    public const double PatternScore = 0.98;

    /// <summary>Confidence for a message with no word the model knows: out of scope, or a medicine named alone.</summary>
    public const double UnknownWordsScore = 0.9;

    /// <summary>Share of a message's letter sequences the model must know when none of its words is known.</summary>
    public const double FamiliarCharacterShare = 0.5;

    private readonly IIntentModel _model;
    private readonly VocabularySpeller _speller;
    private readonly IMedicationFinder _medications;
    private readonly IntentCues _cues;
    private readonly HashSet<string> _topicWords;

    // Training is deterministic, so one model per process serves every bot built in it (the test suite
    // builds hundreds). Keyed by the finder's type: the medicine feature depends on which lexicon is used.
    private static readonly ConcurrentDictionary<Type, Lazy<IntentRecognizer>> EmbeddedByFinderType = new();

    public IntentRecognizer(IMedicationFinder medications)
        : this(NluDataFile.LoadTraining(), medications)
    {
    }

    private IntentRecognizer(IntentRecognizer trained, IMedicationFinder medications)
    {
        _model = trained._model;
        _speller = trained._speller;
        _cues = trained._cues;
        _topicWords = trained._topicWords;
        TrainingTime = trained.TrainingTime;
        TrainingCpuTime = trained.TrainingCpuTime;
        _medications = medications;
    }

    /// <summary>The recognizer trained on the embedded training split, trained once per process and finder type.</summary>
    public static IntentRecognizer ForEmbeddedTraining(IMedicationFinder medications)
    {
        ArgumentNullException.ThrowIfNull(medications);
        var trained = EmbeddedByFinderType.GetOrAdd(medications.GetType(), _ => new Lazy<IntentRecognizer>(() =>
            // The lexicon's finder is the one the shipped model was trained with (ShippedIntentModel); others train here.
            medications is LexiconMedicationFinder && ShippedIntentModel.Load() is { } shipped
                ? FromTraining(NluDataFile.LoadTraining(), medications, shipped)
                : new IntentRecognizer(medications))).Value;
        return new IntentRecognizer(trained, medications);
    }

    public IntentRecognizer(NluDataFile training, IMedicationFinder medications, IntentModelKind kind = IntentModelKind.LogisticRegression)
        : this(training.Utterances, new IntentCues(training.Cues), medications, kind)
    {
    }

    public IntentRecognizer(IReadOnlyList<LabelledUtterance> training, IntentCues cues, IMedicationFinder medications, IntentModelKind kind = IntentModelKind.LogisticRegression)
        : this(training, cues, medications, kind, trained: null)
    {
    }

    /// <summary>The recognizer for <paramref name="training"/> with its model already trained on it (<see cref="ShippedIntentModel"/>).</summary>
    private static IntentRecognizer FromTraining(NluDataFile training, IMedicationFinder medications, IIntentModel trained) =>
        new(training.Utterances, new IntentCues(training.Cues), medications, IntentModelKind.LogisticRegression, trained);

    private IntentRecognizer(IReadOnlyList<LabelledUtterance> training, IntentCues cues, IMedicationFinder medications, IntentModelKind kind, IIntentModel? trained)
    {
        ArgumentNullException.ThrowIfNull(training);
        if (training.Count == 0) throw new ArgumentException("The intent recognizer needs labelled examples to train on.", nameof(training));
        var watch = Stopwatch.StartNew();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        _medications = medications;
        _cues = cues;
        _speller = new VocabularySpeller(training.SelectMany(u => MessageWords.VocabularyOf(u.Text))
            .Concat(ChatAbbreviations.Targets)
            .Concat(CommandPatterns.Vocabulary)
            .Concat(cues.Vocabulary));

        var examples = training
            .Select(u => (Words: MessageWords.From(u.Text, _speller), u.Text, u.Intent))
            .ToList();
        _topicWords = TopicWords(examples.Select(e => (e.Words, e.Intent)));
        _model = trained ?? Train(examples.Select(e => (e.Words, e.Text, e.Intent)), kind);
        TrainingTime = watch.Elapsed;
        TrainingCpuTime = Process.GetCurrentProcess().TotalProcessorTime - cpu;
    }

    private IIntentModel Train(IEnumerable<(MessageWords Words, string Text, string Intent)> examples, IntentModelKind kind)
    {
        var rows = examples
            .Select(e => ((IReadOnlyDictionary<string, double>)IntentFeatureExtractor.Extract(e.Words, NamesMedicine(e.Text), _cues), e.Intent))
            .ToList();
        return kind switch
        {
            IntentModelKind.NaiveBayes => NaiveBayesIntentModel.Train(rows),
            _ => SoftmaxIntentModel.Train(rows),
        };
    }

    /// <summary>The statistical model (for writing the shipped model, see <see cref="ShippedIntentModel"/>).</summary>
    internal IIntentModel Model => _model;

    /// <summary>How long building the recognizer took (reported by the evaluation command).</summary>
    public TimeSpan TrainingTime { get; }

    /// <summary>Processor time the process used meanwhile: on a busy shared machine, a fairer figure than <see cref="TrainingTime"/>.</summary>
    public TimeSpan TrainingCpuTime { get; }

    public IntentResult Recognize(string? text)
    {
        var words = MessageWords.From(text, _speller);
        if (words.Canonical.Count == 0) return IntentResult.NoneResult;

        if (CommandPatterns.Match(words.Canonical) is { } command) return new IntentResult(command, PatternScore, []);

        var namesMedicine = NamesMedicine(text);
        var features = IntentFeatureExtractor.Extract(words, namesMedicine, _cues);
        if (!IsFamiliar(words, features))
        {
            return namesMedicine
                ? new IntentResult(Intents.MedicationCheck, UnknownWordsScore, [])
                : new IntentResult(Intents.None, UnknownWordsScore, []);
        }

        IReadOnlyList<(string Intent, double Score)> ranked = _model.Predict(features);
        if (Intents.IsCommand(ranked[0].Intent) && !TrustCommand(ranked[0].Intent, words.Canonical, namesMedicine))
        {
            ranked = WithoutCommands(ranked);
        }
        if (namesMedicine && ranked[0].Intent == Intents.None)
        {
            return new IntentResult(Intents.MedicationCheck, UnknownWordsScore, ranked.Take(2).ToList());
        }
        return new IntentResult(ranked[0].Intent, ranked[0].Score, ranked.Skip(1).Take(3).ToList());
    }

    /// <summary>
    /// Whether the model has seen enough of the message to judge it: a known word, or mostly known letter
    /// sequences ("goodby"). Gibberish and words from other domains ("qwxz", "cryptocurrency") are not.
    /// </summary>
    private bool IsFamiliar(MessageWords words, Dictionary<string, double> features)
    {
        if (words.Canonical.Any(w => _model.Knows("w:" + w)) || features.Keys.Any(k => k.StartsWith("cue:", StringComparison.Ordinal))) return true;
        double known = 0, all = 0;
        foreach (var (name, value) in features)
        {
            if (!name.StartsWith("c:", StringComparison.Ordinal)) continue;
            all += value;
            if (_model.Knows(name)) known += value;
        }
        return all > 0 && known / all >= FamiliarCharacterShare;
    }

    private bool NamesMedicine(string? text) => _medications.IsAvailable && _medications.FindCanonicalNames(text).Count > 0;

    /// <summary>Commands are short: "help me write an email to my boss" is not a request for MagBot's help.</summary>
    public const int MaxCommandWords = 6;

    private bool TrustCommand(string intent, IReadOnlyList<string> words, bool namesMedicine) =>
        !namesMedicine && words.Count <= MaxCommandWords && CommandPatterns.HasAnchor(intent, words) && !words.Any(_topicWords.Contains);

    private static List<(string Intent, double Score)> WithoutCommands(IReadOnlyList<(string Intent, double Score)> ranked)
    {
        var rest = ranked.Where(r => !Intents.IsCommand(r.Intent)).ToList();
        var mass = rest.Sum(r => r.Score);
        return mass <= 0 ? [(Intents.None, 1.0)] : [.. rest.Select(r => (r.Intent, r.Score / mass))];
    }

    /// <summary>
    /// Words that only ever occur in topic examples, never in commands or small talk ("migraine",
    /// "taking", "dose"): their presence means the message is about a topic, not the conversation.
    /// </summary>
    private static HashSet<string> TopicWords(IEnumerable<(MessageWords Words, string Intent)> examples)
    {
        var topic = new HashSet<string>(StringComparer.Ordinal);
        var other = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (words, intent) in examples)
        {
            var isTopic = intent is not (Intents.Greeting or Intents.Thanks or Intents.Goodbye or Intents.None) && !Intents.IsCommand(intent);
            foreach (var w in words.Canonical) (isTopic ? topic : other).Add(w);
        }
        foreach (var w in CommandPatterns.Vocabulary) other.Add(w);
        topic.ExceptWith(other);
        return topic;
    }
}
