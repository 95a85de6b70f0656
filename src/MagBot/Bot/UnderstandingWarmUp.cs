using System.Diagnostics;
using MagBot.Dialogs;
using MagBot.Dialogs.Understanding;

namespace MagBot.Bot;

/// <summary>
/// Builds what understanding needs before the first message arrives, so the first user does not wait for it:
/// the intent recognizer, trained on a second thread while the host builds (see <see cref="ConversationStartup"/>), is
/// resolved before the server listens. In the background, a moment after the server listens: the red-flag rules' linear-time build (the first
/// turns are screened without it, by the same rules on the backtracking interpreter; if the build fails, the service
/// stops rather than run on without it), then the Microsoft.Recognizers.Text models, which compile many regular
/// expressions and are needed only by dose and age prompts (a prompt that comes first waits for them).
/// </summary>
internal sealed class UnderstandingWarmUp(IIntentRecognizer intents, QuantityRecognizer quantities, IHostApplicationLifetime lifetime,
    ILogger<UnderstandingWarmUp> logger) : IHostedService
{
    /// <summary>How long after the server listens the red-flag rules' linear-time build starts (a message that needs it starts it sooner).</summary>
    public static readonly TimeSpan LinearRedFlagsAfterListening = TimeSpan.FromSeconds(1);

    private Task? _quantities;
    private bool _quantitiesStarted;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        // Resolving the recognizer (done by injection, when the host builds this service) is what trains it.
        logger.LogInformation("Intent recognizer ready ({Recognizer}, trained in {Milliseconds} ms)", intents.GetType().Name,
            (intents as IntentRecognizer)?.TrainingTime.TotalMilliseconds);
        var started = Stopwatch.StartNew();
        // The red-flag rules' linear-time build takes a core for over a second: let the first turns have it first.
        lifetime.ApplicationStarted.Register(() => _ = Task.Delay(LinearRedFlagsAfterListening, CancellationToken.None)
            .ContinueWith(_ => ConversationStartup.StartLinearRedFlags(), TaskScheduler.Default));
        var redFlags = ConversationStartup.LinearRedFlags.ContinueWith(t =>
        {
            if (t.IsCompletedSuccessfully)
            {
                logger.LogInformation("Red-flag rules built for the linear-time engine {Milliseconds} ms after start-up", started.ElapsedMilliseconds);
                return;
            }
            logger.LogCritical(t.Exception, "The red-flag rules could not be built for the linear-time engine; MagBot stops rather than screen messages without them");
            lifetime.StopApplication();
        }, CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
        // After the red-flag rules: the first turns need neither, and on two cores the first turn has the other one.
        _quantities = redFlags.ContinueWith(_ =>
        {
            Volatile.Write(ref _quantitiesStarted, true);
            var q = Stopwatch.StartNew();
            quantities.WarmUp();
            logger.LogInformation("Quantity recognizers ready in {Milliseconds} ms", q.ElapsedMilliseconds);
        }, CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
        return Task.CompletedTask;
    }

    // A warm-up under way is let finish; one that has not begun (a host stopped within seconds, as tests do) is not waited for.
    public Task StopAsync(CancellationToken cancellationToken) =>
        Volatile.Read(ref _quantitiesStarted) && _quantities is not null ? _quantities.WaitAsync(cancellationToken) : Task.CompletedTask;
}
