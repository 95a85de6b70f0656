using System.Diagnostics;
using MagBot.Dialogs.Understanding;

namespace MagBot.Bot;

/// <summary>
/// Builds what understanding needs before the first message arrives, so the first user does not wait for it:
/// the intent recognizer trains on its labelled split (a few hundred milliseconds of processor time) before the
/// server listens, and the Microsoft.Recognizers.Text models, which compile many regular expressions and are
/// needed only by dose and age prompts, build in the background (a prompt that comes first waits for them).
/// </summary>
internal sealed class UnderstandingWarmUp(IIntentRecognizer intents, QuantityRecognizer quantities, ILogger<UnderstandingWarmUp> logger) : IHostedService
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
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => _quantities ?? Task.CompletedTask;
}
