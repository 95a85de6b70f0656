namespace MagBot.Security;

/// <summary>
/// A second lock behind <see cref="MessagesEndpoint"/>: in anonymous mode the HTTP client the SDK replies with
/// refuses any address <see cref="ServiceUrlPolicy"/> does not allow, before a connection or DNS lookup. It
/// covers code paths that do not start at /api/messages (proactive messages, a future endpoint).
/// </summary>
public sealed class AnonymousOutboundGuard(ServiceUrlPolicy policy, AnonymousMode mode) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (mode.IsAnonymous && !policy.IsAllowed(request.RequestUri?.ToString()))
            throw new HttpRequestException($"MagBot refused to send to {request.RequestUri?.Host}: without an app id only loopback and MagBot:AllowedServiceUrls are allowed.");
        return base.SendAsync(request, cancellationToken);
    }
}
