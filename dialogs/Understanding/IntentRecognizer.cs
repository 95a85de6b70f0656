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
/// A message that opens with a greeting or thanks is also read without it (<see cref="SmallTalkOpener"/>): when the
/// rest asks about a topic, that is the intent.
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
    private readonly IntentScorer? _scorer; // null for a model that is not linear: features go through a dictionary then

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
        _scorer = trained._scorer;
        TrainingTime = trained.TrainingTime;
        TrainingCpuTime = trained.TrainingCpuTime;
        _medications = medications;
    }

    /// <summary>The recognizer trained on the embedded training split, trained once per process and finder type.</summary>
    public static IntentRecognizer ForEmbeddedTraining(IMedicationFinder medications)
    {
        ArgumentNullException.ThrowIfNull(medications);
        var trained = EmbeddedByFinderType.GetOrAdd(medications.GetType(), _ => new Lazy<IntentRecognizer>(() => new IntentRecognizer(medications))).Value;
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
        _scorer = _model is ILinearIntentModel linear ? new IntentScorer(linear, _cues) : null;
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

    /// <summary>How long building the recognizer took (reported by the evaluation command).</summary>
    public TimeSpan TrainingTime { get; }

    /// <summary>Processor time the process used meanwhile: on a busy shared machine, a fairer figure than <see cref="TrainingTime"/>.</summary>
    public TimeSpan TrainingCpuTime { get; }

    public IntentResult Recognize(string? text) => RecognizeWith(text, medicines: null);

    /// <summary>As <see cref="Recognize(string?)"/>, given the turn's reading of the medicines in the same
    /// <paramref name="text"/> by the medication recognizer behind this recognizer's finder, so a turn reads them once.</summary>
    public IntentResult Recognize(string? text, MedicationReading medicines)
    {
        ArgumentNullException.ThrowIfNull(medicines);
        if (!string.Equals(medicines.Text, text, StringComparison.Ordinal))
            throw new ArgumentException("The medication reading is of another text than the one to recognize.", nameof(medicines));
        return RecognizeWith(text, medicines);
    }

    private IntentResult RecognizeWith(string? text, MedicationReading? medicines)
    {
        var whole = RecognizeWhole(text, medicines);
        // "hi! does magnesium help fibro?": a greeting or thanks that opens a question is answered as the question.
        if (SmallTalkOpener.Rest(text) is { } rest && RecognizeWhole(rest, medicines: null) is { } question && IsTopic(question.Intent))
            return question;
        return whole;
    }

    /// <summary>A topic the bot answers (not small talk, a command or out of scope).</summary>
    public static bool IsTopic(string intent) =>
        intent is not (Intents.None or Intents.Greeting or Intents.Thanks or Intents.Goodbye) && !Intents.IsCommand(intent);

    private IntentResult RecognizeWhole(string? text, MedicationReading? medicines)
    {
        var words = MessageWords.From(text, _speller);
        if (words.Canonical.Count == 0) return IntentResult.NoneResult;

        if (CommandPatterns.Match(words.Canonical) is { } command) return new IntentResult(command, PatternScore, []);

        // The finder over the lexicon finds a name exactly when the recognizer finds a medicine.
        var namesMedicine = medicines is null ? NamesMedicine(text) : _medications.IsAvailable && medicines.Recognition.Found.Count > 0;
        if (_scorer is null) return RecognizeByFeatureDictionary(words, namesMedicine);
        var (familiar, ranked) = _scorer.Score(words, namesMedicine);
        return familiar ? Decide(ranked, words, namesMedicine) : Unfamiliar(namesMedicine);
    }

    /// <summary>The reference the fast path is tested against: features as a dictionary of names
    /// (<see cref="IntentFeatureExtractor.Extract"/>, as in training), then the model's <see cref="IIntentModel.Predict"/>.</summary>
    internal IntentResult RecognizeByFeatureDictionary(string? text)
    {
        var whole = ReferenceWhole(text);
        if (SmallTalkOpener.Rest(text) is { } rest && ReferenceWhole(rest) is { } question && IsTopic(question.Intent)) return question;
        return whole;
    }

    private IntentResult ReferenceWhole(string? text)
    {
        var words = MessageWords.From(text, _speller);
        if (words.Canonical.Count == 0) return IntentResult.NoneResult;
        if (CommandPatterns.Match(words.Canonical) is { } command) return new IntentResult(command, PatternScore, []);
        return RecognizeByFeatureDictionary(words, NamesMedicine(text));
    }

    /// <summary>Every intent and its probability for <paramref name="text"/> by the fast path and by the reference, and
    /// whether each found the message familiar (for the equivalence tests); null for a message with no words.</summary>
    internal ((bool Familiar, IReadOnlyList<(string Intent, double Score)> Ranked) Fast, (bool Familiar, IReadOnlyList<(string Intent, double Score)> Ranked) Reference)? CompareScores(string? text)
    {
        var words = MessageWords.From(text, _speller);
        if (words.Canonical.Count == 0 || _scorer is null) return null;
        var namesMedicine = NamesMedicine(text);
        var features = IntentFeatureExtractor.Extract(words, namesMedicine, _cues);
        return (_scorer.Score(words, namesMedicine), (IsFamiliar(words, features), _model.Predict(features)));
    }

    private IntentResult RecognizeByFeatureDictionary(MessageWords words, bool namesMedicine)
    {
        var features = IntentFeatureExtractor.Extract(words, namesMedicine, _cues);
        return IsFamiliar(words, features) ? Decide(_model.Predict(features), words, namesMedicine) : Unfamiliar(namesMedicine);
    }

    private static IntentResult Unfamiliar(bool namesMedicine) =>
        new(namesMedicine ? Intents.MedicationCheck : Intents.None, UnknownWordsScore, []);

    /// <summary>From the model's ranking to the result: a command it guessed is kept only when trusted, a medicine
    /// named in an otherwise unknown message means a medication check, and up to three runners-up are kept.</summary>
    private IntentResult Decide(IReadOnlyList<(string Intent, double Score)> ranked, MessageWords words, bool namesMedicine)
    {
        if (Intents.IsCommand(ranked[0].Intent) && !TrustCommand(ranked[0].Intent, words.Canonical, namesMedicine))
        {
            ranked = WithoutCommands(ranked);
        }
        if (namesMedicine && ranked[0].Intent == Intents.None && AboutMagnesiumOrOnlyMedicines(words))
        {
            return new IntentResult(Intents.MedicationCheck, UnknownWordsScore, Slice(ranked, 0, 2));
        }
        return new IntentResult(ranked[0].Intent, ranked[0].Score, Slice(ranked, 1, 3));
    }

    /// <summary>A message short enough to be only a list of medicines ("i take lisinopril"), or one that asks about magnesium.</summary>
    public const int MaxMedicineListWords = 3;

    /// <summary>Whether a medicine named in a message the model reads as out of scope still means a medication check: it names
    /// only medicines, or it asks about magnesium with them. A question about another medicine or supplement alone ("is melatonin
    /// safe for kids", "what does ibuprofen do to your liver") is out of scope: MagBot checks magnesium against medicines.</summary>
    private static bool AboutMagnesiumOrOnlyMedicines(MessageWords words) =>
        words.Canonical.Count <= MaxMedicineListWords || words.Canonical.Contains("magnesium");

    private static List<(string Intent, double Score)> Slice(IReadOnlyList<(string Intent, double Score)> ranked, int start, int count)
    {
        var slice = new List<(string Intent, double Score)>(count);
        for (var i = start; i < ranked.Count && i < start + count; i++) slice.Add(ranked[i]);
        return slice;
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

    private bool TrustCommand(string intent, IReadOnlyList<string> words, bool namesMedicine)
    {
        if (namesMedicine || words.Count > MaxCommandWords || !CommandPatterns.HasAnchor(intent, words)) return false;
        foreach (var w in words)
        {
            if (_topicWords.Contains(w)) return false;
        }
        return true;
    }

    private static List<(string Intent, double Score)> WithoutCommands(IReadOnlyList<(string Intent, double Score)> ranked)
    {
        var rest = new List<(string Intent, double Score)>(ranked.Count);
        double mass = 0;
        foreach (var r in ranked)
        {
            if (Intents.IsCommand(r.Intent)) continue;
            rest.Add(r);
            mass += r.Score;
        }
        if (mass <= 0) return [(Intents.None, 1.0)];
        for (var i = 0; i < rest.Count; i++) rest[i] = (rest[i].Intent, rest[i].Score / mass);
        return rest;
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
