using System.Net;
using Microsoft.Extensions.Options;

namespace MagBot.Bot;

/// <summary>
/// Retries a reply to the channel (the Bot Connector) when the channel answers 429, 412, 502, 503 or 504:
/// exponential backoff with full jitter, honouring Retry-After, at most <see cref="ChannelRetryOptions.MaxRetries"/>
/// times. It sits on the default <see cref="HttpClient"/> of the <see cref="IHttpClientFactory"/>, which is the one
/// the SDK's connector factory creates for each reply. The last answer is returned as it is, so the SDK raises it
/// inside the turn and the adapter's error handler logs it: a reply that could not be delivered is never lost silently.
/// </summary>
public sealed class ChannelRetryHandler(IOptions<ChannelRetryOptions> options, TimeProvider time, ILogger<ChannelRetryHandler> logger) : DelegatingHandler
{
    private static readonly HashSet<HttpStatusCode> Transient =
    [
        HttpStatusCode.TooManyRequests,
        HttpStatusCode.PreconditionFailed,
        HttpStatusCode.BadGateway,
        HttpStatusCode.ServiceUnavailable,
        HttpStatusCode.GatewayTimeout,
    ];

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var settings = options.Value;
        for (var attempt = 0; ; attempt++)
        {
            var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            if (!Transient.Contains(response.StatusCode)) return response;

            // The host only: the path names the conversation.
            var host = request.RequestUri?.Host;
            if (attempt >= settings.MaxRetries)
            {
                logger.LogError("Channel at {Host} still answered {Status} after {Attempts} attempts; giving up on this reply", host, (int)response.StatusCode, attempt + 1);
                return response;
            }
            var delay = Delay(response, attempt, settings);
            if (delay > settings.MaxDelay)
            {
                logger.LogError("Channel at {Host} answered {Status} and asked to wait {Seconds:0} s, longer than MagBot:ChannelRetry:MaxDelay; giving up on this reply", host, (int)response.StatusCode, delay.TotalSeconds);
                return response;
            }
            logger.LogWarning("Channel at {Host} answered {Status}; retry {Retry} of {MaxRetries} in {Milliseconds:0} ms", host, (int)response.StatusCode, attempt + 1, settings.MaxRetries, delay.TotalMilliseconds);
            response.Dispose();
            await Task.Delay(delay, time, cancellationToken).ConfigureAwait(false);
        }
    }

    private TimeSpan Delay(HttpResponseMessage response, int attempt, ChannelRetryOptions settings)
    {
        var retryAfter = response.Headers.RetryAfter;
        if (retryAfter?.Delta is { } delta) return delta;
        if (retryAfter?.Date is { } date)
        {
            var wait = date - time.GetUtcNow();
            return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        }
        // Full jitter (a random wait up to the exponential cap) spreads retries of many turns apart.
        var cap = Math.Min(settings.MaxDelay.TotalMilliseconds, settings.BaseDelay.TotalMilliseconds * Math.Pow(2, attempt));
        return TimeSpan.FromMilliseconds(Random.Shared.NextDouble() * cap);
    }
}
