using MagBot.Dialogs.Knowledge;
using MagBot.Dialogs.Safety;
using MagBot.Dialogs.Safety.Classification;
using MagBot.Dialogs.Understanding;

namespace MagBot.Dialogs;

/// <summary>
/// The conversation's start-up work that the host's own start does not need. The intent model's training starts
/// while the host builds, on another thread (the first turn needs it: the recognizer, when the container resolves it,
/// takes this trained model or waits for it). Then the red-flag rules' linear-time build, over a second of processor
/// time that the first turns do without (see <see cref="StagedRedFlagScreen"/>). A service host calls
/// <see cref="DeferLinearRedFlags"/> first: the build then waits until <see cref="StartLinearRedFlags"/> is called (the
/// host does so once it has been listening a moment; a message that needs the rules does so itself) or
/// <see cref="LinearRedFlagsDelay"/> has passed, since on two cores it would otherwise take one from the first turn.
/// Once per process: every bot built in it (the test suite builds hundreds) shares the result.
/// </summary>
public static class ConversationStartup
{
    /// <summary>When nothing has asked for the linear-time red-flag rules sooner, their build starts this long after <see cref="Begin"/>.</summary>
    public static readonly TimeSpan LinearRedFlagsDelay = TimeSpan.FromSeconds(5);

    private static readonly Lock Gate = new();
    private static readonly TaskCompletionSource StartSignal = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private static bool _deferLinear;
    private static Task? _intents;
    private static Task<RedFlagRuleSet>? _linearRedFlags;
    private static Task<SafetyModel>? _safetyModel;

    /// <summary>Starts the work, once per process, with the embedded content; returns the linear-time red-flag rules to come.</summary>
    public static Task<RedFlagRuleSet> Begin(ContentCatalog content)
    {
        lock (Gate)
        {
            // The same finder type as the container registers, so IntentRecognizer.ForEmbeddedTraining shares this training.
            // The safety screen's trained layer: every message waits for it, so it starts first.
            _safetyModel ??= Task.Run(SafetyTrainingData.TrainEmbedded);
            _intents ??= Task.Run(() => IntentRecognizer.ForEmbeddedTraining(
                new LexiconMedicationFinder(new MedicationRecognizer(MedicationLexicon.LoadEmbedded(content)))));
            if (_linearRedFlags is null)
            {
                if (!_deferLinear) StartLinearRedFlags();
                _ = Task.Delay(LinearRedFlagsDelay).ContinueWith(_ => StartLinearRedFlags(), TaskScheduler.Default);
                _linearRedFlags = Task.WhenAll(_intents, StartSignal.Task)
                    .ContinueWith(_ => StagedRedFlagScreen.LinearRules, CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default)
                    .Unwrap();
            }
            return _linearRedFlags;
        }
    }

    /// <summary>Called by a service host before it registers the conversation: the linear-time red-flag build waits
    /// for <see cref="StartLinearRedFlags"/> (or <see cref="LinearRedFlagsDelay"/>) instead of following the training.</summary>
    public static void DeferLinearRedFlags()
    {
        lock (Gate) _deferLinear = true;
    }

    /// <summary>Lets the linear-time red-flag build start (after the intent training); calling it again does nothing.</summary>
    public static void StartLinearRedFlags() => StartSignal.TrySetResult();

    /// <summary>The safety screen's trained classifier (started by <see cref="Begin"/>, or now if it was not called).</summary>
    public static Task<SafetyModel> SafetyModel
    {
        get
        {
            lock (Gate) return _safetyModel ??= Task.Run(SafetyTrainingData.TrainEmbedded);
        }
    }

    /// <summary>The red-flag rules built for the linear-time engine (started by <see cref="Begin"/>, or now if it was not called).</summary>
    public static Task<RedFlagRuleSet> LinearRedFlags
    {
        get
        {
            lock (Gate) return _linearRedFlags ?? StagedRedFlagScreen.LinearRules;
        }
    }
}
