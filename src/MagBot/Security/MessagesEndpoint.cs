using MagBot.Bot;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Bot.Schema;

namespace MagBot.Security;

/// <summary>
/// <c>POST /api/messages</c>: the trust boundary in front of the SDK. In order: read and check the activity
/// (415/413/400), refuse a reply address that is not allowed in anonymous mode (403, before any connection),
/// authenticate (401, or 503 with Retry-After when the signing keys cannot be fetched), rate limit per
/// conversation and user (429), then hand the turn to the adapter. No request is answered 5xx from here.
/// </summary>
public sealed class MessagesEndpoint(
    ActivityRequestReader reader,
    ServiceUrlPolicy serviceUrls,
    TurnRateLimiter rateLimiter,
    BotFrameworkAuthentication authentication,
    MagBotAdapter adapter,
    IBot bot,
    AnonymousMode mode,
    ILogger<MessagesEndpoint> logger)
{
    private static readonly TimeSpan KeysRetryAfter = TimeSpan.FromSeconds(5);

    public async Task<IResult> HandleAsync(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        var cancellationToken = http.RequestAborted;
        var (activity, rejection) = await reader.ReadAsync(http.Request, cancellationToken).ConfigureAwait(false);
        if (activity is null) return Reject(http, rejection!, null);

        if (mode.IsAnonymous && !serviceUrls.IsAllowed(activity.ServiceUrl))
        {
            return Reject(http, new EdgeRejection(StatusCodes.Status403Forbidden, "Reply address not allowed",
                "Without an app id MagBot replies only to a loopback serviceUrl or one listed in MagBot:AllowedServiceUrls."), activity);
        }

        var auth = await AuthenticateAsync(activity, http.Request.Headers.Authorization.ToString(), cancellationToken).ConfigureAwait(false);
        if (auth.Rejection is not null) return Reject(http, auth.Rejection, activity);

        if (!rateLimiter.TryAcquire(activity, out var retryAfter))
        {
            return Reject(http, new EdgeRejection(StatusCodes.Status429TooManyRequests, "Too many turns",
                "This conversation or user is sending faster than MagBot:Limits allows; wait and send again.", retryAfter), activity);
        }

        try
        {
            var response = await adapter.ProcessAuthenticatedAsync(auth.Result!, activity, bot.OnTurnAsync, cancellationToken).ConfigureAwait(false);
            if (response?.Status >= 500)
            {
                // The SDK answers an invoke no handler took with 501; the caller sent something MagBot does not do.
                return Reject(http, new EdgeRejection(StatusCodes.Status400BadRequest, "Activity not supported",
                    "MagBot does not handle this invoke activity."), activity);
            }
            await InvokeResponseWriter.WriteAsync(http.Response, response, cancellationToken).ConfigureAwait(false);
            return Results.Empty;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return Results.Empty;
        }
        catch (Exception e) when (!http.Response.HasStarted)
        {
            // Failures inside the turn are handled by the adapter's OnTurnError; this is what the SDK throws
            // outside it (for example a reply address it cannot use). Type only: messages may quote the activity.
            logger.LogError("Activity of type {ActivityType} in conversation {Conversation} could not be processed: {ExceptionType} at {StackTop}",
                activity.Type, LogIds.Hash(activity.Conversation.Id), e.GetType().FullName, e.StackTrace?.Split('\n').FirstOrDefault()?.Trim());
            return new EdgeRejection(StatusCodes.Status400BadRequest, "Activity could not be processed",
                "MagBot could not process this activity; check its serviceUrl, conversation and recipient.").ToResult(http);
        }
    }

    private async Task<(AuthenticateRequestResult? Result, EdgeRejection? Rejection)> AuthenticateAsync(Activity activity, string authorization, CancellationToken cancellationToken)
    {
        try
        {
            return (await authentication.AuthenticateRequestAsync(activity, authorization, cancellationToken).ConfigureAwait(false), null);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e) when (BotFrameworkSigningKeys.IsKeyFetchFailure(e))
        {
            logger.LogWarning("Channel signing keys could not be fetched ({ExceptionType}); request refused with 503", e.GetType().Name);
            return (null, new EdgeRejection(StatusCodes.Status503ServiceUnavailable, "Signing keys unavailable",
                "MagBot could not fetch the keys that verify the channel's token; send again shortly.", KeysRetryAfter));
        }
        catch (Exception e)
        {
            // Fail closed: whatever goes wrong while checking a token (malformed header, bad signature, expired,
            // wrong audience or issuer, unknown key, serviceUrl claim mismatch) means the caller is not authenticated.
            logger.LogInformation("Request not authenticated: {ExceptionType}", e.GetType().Name);
            return (null, new EdgeRejection(StatusCodes.Status401Unauthorized, "Not authenticated",
                "A valid Bot Framework token for this bot is required in the Authorization header."));
        }
    }

    private IResult Reject(HttpContext http, EdgeRejection rejection, Activity? activity)
    {
        logger.LogInformation("Request refused with {Status} ({Title}) in conversation {Conversation}",
            rejection.Status, rejection.Title, LogIds.Hash(activity?.Conversation?.Id));
        return rejection.ToResult(http);
    }
}
