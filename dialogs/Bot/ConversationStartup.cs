using System.Diagnostics;
using MagBot.Dialogs.Knowledge;
using MagBot.Dialogs.Safety;
using MagBot.Dialogs.Safety.Classification;
using MagBot.Dialogs.Understanding;
using MagBot.Dialogs.Understanding.Answers;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace MagBot.Dialogs.Bot;

/// <summary>
/// The one owner of the conversation's start-up builds, one task each: the red-flag rules (validated against the
/// content: a mistake fails start-up with the file and rule named), the safety screen's trained classifier, the
/// intent recognizer and the fact retriever. As a hosted service it starts all four on the thread pool when the host
/// starts, so they are
/// built while the server starts listening; the first message waits for whatever is not ready yet, so no message is
/// ever answered before it has been screened by every layer. Without a host (the in-process bot of tests and the CLI)
/// each build starts when first asked for. A build that fails is logged and fails every message that needs it, and a
/// host is stopped rather than run on without it.
/// Nothing else is built at start-up: the red-flag rules for the linear-time engine only if a long message comes
/// (<see cref="RedFlagScreen"/>), the number recognizers when a prompt first needs them (<see cref="QuantityRecognizer"/>).
/// </summary>
public sealed class ConversationStartup : IHostedService
{
    private readonly Lazy<Task<RedFlagRuleSet>> _redFlags;
    private readonly Lazy<Task<SafetyModel>> _safetyModel;
    private readonly Lazy<Task<IntentRecognizer>> _intents;
    private readonly Lazy<Task<FactRetriever>>? _facts;
    private static int _compacted;
    private readonly ILogger _logger;
    private readonly IHostApplicationLifetime? _lifetime;

    /// <param name="facts">Trains the fact retriever (it needs the host's services); null when nothing asks for it.</param>
    public ConversationStartup(ContentCatalog content, IMedicationFinder medications, ILogger<ConversationStartup>? logger = null,
        IHostApplicationLifetime? lifetime = null, Func<FactRetriever>? facts = null)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(medications);
        _logger = logger ?? (ILogger)NullLogger.Instance;
        _lifetime = lifetime;
        _redFlags = Build("red-flag rules", () => RedFlagRuleSet.Load(ContentCatalog.ReadResource(RedFlagRuleSet.FileName), content, PatternEngine.Backtracking));
        // Built only if a message too long for the interpreter comes (RedFlagScreen): most processes never need it.
        LongMessageRedFlags = new(() => RedFlagRuleSet.Load(ContentCatalog.ReadResource(RedFlagRuleSet.FileName), content));
        // Both trainings are deterministic and trained once per process (the test suite builds hundreds of bots).
        _safetyModel = Build("safety classifier", SafetyTrainingData.TrainEmbedded);
        _intents = Build("intent recognizer", () => IntentRecognizer.ForEmbeddedTraining(medications));
        // Was trained when the first turn resolved the bot, on that turn's thread, after the host had started: now beside
        // the other trainings, so the first turn finds it ready or nearly.
        if (facts is not null) _facts = Build("fact retriever", facts);
    }

    /// <summary>The red-flag rules of red-flags.yaml, validated against the content, built for the backtracking interpreter.</summary>
    public Task<RedFlagRuleSet> RedFlags => _redFlags.Value;

    /// <summary>The same rules built for the linear-time engine, for messages too long for the interpreter; built on first use.</summary>
    public Lazy<RedFlagRuleSet> LongMessageRedFlags { get; }

    /// <summary>The safety screen's trained classifier (<see cref="SafetyTrainingData"/>).</summary>
    public Task<SafetyModel> SafetyModel => _safetyModel.Value;

    /// <summary>The intent recognizer, trained on the embedded training split.</summary>
    public Task<IntentRecognizer> Intents => _intents.Value;

    /// <summary>The fact retriever, trained on the questions attached to the facts.</summary>
    public Task<FactRetriever> Facts => _facts?.Value
        ?? throw new InvalidOperationException("This start-up was made without the fact retriever's training (the facts argument).");

    /// <summary>Starts every build. The red-flag rules are awaited (they take milliseconds), so a mistake in red-flags.yaml
    /// stops the host from starting; the trainings go on while the server starts listening.</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        _ = SafetyModel; // the longest: started first
        _ = Intents;
        _ = _facts?.Value;
        _ = CompactWhenBuiltAsync();
        await RedFlags.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Once every training is done, one full compacting collection that also returns the freed memory to the
    /// system. The trainings leave tens of megabytes behind (examples, feature lists, AdaGrad's squared gradients, the
    /// shuffled orders) that an idle process would otherwise keep committed until load came: idle resident memory is
    /// what a clinic's small instance pays for all day. Only with a host (tests and the CLI build many bots).</summary>
    private async Task CompactWhenBuiltAsync()
    {
        try
        {
            await Task.WhenAll(SafetyModel, Intents, _facts?.Value ?? Task.CompletedTask).ConfigureAwait(false);
        }
        catch (Exception)
        {
            return; // logged by the build that failed, which stops the host
        }
        // The trainings run once per process (however many hosts it starts, as the service tests do), so their garbage is
        // compacted once too.
        if (Interlocked.Exchange(ref _compacted, 1) != 0) return;
        var watch = Stopwatch.StartNew();
        System.Runtime.GCSettings.LargeObjectHeapCompactionMode = System.Runtime.GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        _logger.LogInformation("Start-up: training memory released in {Milliseconds} ms", watch.ElapsedMilliseconds);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private Lazy<Task<T>> Build<T>(string name, Func<T> build) => new(() => Task.Run(() =>
    {
        var watch = Stopwatch.StartNew();
        try
        {
            var built = build();
            _logger.LogInformation("Start-up: {Build} ready in {Milliseconds} ms", name, watch.ElapsedMilliseconds);
            return built;
        }
        catch (Exception e)
        {
            _logger.LogCritical(e, "Start-up: the {Build} could not be built; MagBot stops rather than screen or answer without it", name);
            _lifetime?.StopApplication();
            throw;
        }
    }));
}
