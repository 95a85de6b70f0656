using System.Diagnostics;
using MagBot.Dialogs.Safety;
using MagBot.Dialogs.Understanding;

namespace MagBot.Bot;

/// <summary>
/// Builds what understanding needs before the first message arrives, so the first user does not wait for it:
/// the intent recognizer trains on its labelled split (a few hundred milliseconds of processor time) before the
/// server listens, and the Microsoft.Recognizers.Text models, which compile many regular expressions and are
/// needed only by dose and age prompts, build in the background (a prompt that comes first waits for them).
/// The red-flag rules' linear-time build also runs in the background (see <see cref="StagedRedFlagScreen"/>); if it
/// fails, the service stops rather than run on without it.
/// </summary>
internal sealed class UnderstandingWarmUp(IIntentRecognizer intents, QuantityRecognizer quantities, IHostApplicationLifetime lifetime,
    ILogger<UnderstandingWarmUp> logger) : IHostedService
{
    private Task? _quantities;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        // Resolving the recognizer (done by injection, when the host builds this service) is what trains it.
        logger.LogInformation("Intent recognizer ready ({Recognizer})", intents.GetType().Name);
        _quantities = Task.Run(() =>
        {
            var q = Stopwatch.StartNew();
            quantities.WarmUp();
            logger.LogInformation("Quantity recognizers ready in {Milliseconds} ms", q.ElapsedMilliseconds);
        }, CancellationToken.None);
        var started = Stopwatch.StartNew();
        _ = StagedRedFlagScreen.LinearRules.ContinueWith(t =>
        {
            if (t.IsCompletedSuccessfully)
            {
                logger.LogInformation("Red-flag rules built for the linear-time engine {Milliseconds} ms after start-up", started.ElapsedMilliseconds);
                return;
            }
            logger.LogCritical(t.Exception, "The red-flag rules could not be built for the linear-time engine; MagBot stops rather than screen messages without them");
            lifetime.StopApplication();
        }, CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => _quantities ?? Task.CompletedTask;
}
