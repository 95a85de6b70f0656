using System.Net;
using MagBot.Extensions;
using Microsoft.Extensions.Options;

namespace MagBot.Security;

/// <summary>
/// Where an unauthenticated request may have MagBot send its replies: a loopback address (the Emulator on the
/// same machine) or an entry of <c>MagBot:AllowedServiceUrls</c>. Without this, a request body would choose
/// where the server connects (server-side request forgery). With an app id the SDK ties the reply address to
/// the token's <c>serviceUrl</c> claim instead.
/// </summary>
public sealed class ServiceUrlPolicy(IOptions<MagBotHostOptions> options)
{
    private readonly Uri[] _allowed = [.. options.Value.AllowedServiceUrls
        .Select(u => Uri.TryCreate(u, UriKind.Absolute, out var uri) ? uri : throw new OptionsValidationException(
            MagBotHostOptions.SectionName, typeof(MagBotHostOptions), [$"MagBot:AllowedServiceUrls contains '{u}', which is not an absolute URL."]))];

    /// <summary>Decides from the URL's text alone: no DNS lookup, no connection.</summary>
    public bool IsAllowed(string? serviceUrl)
    {
        if (!Uri.TryCreate(serviceUrl, UriKind.Absolute, out var uri)) return false;
        if (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps) return false;
        if (!string.IsNullOrEmpty(uri.UserInfo)) return false;
        if (IsLoopback(uri)) return true;
        return _allowed.Any(a => string.Equals(a.Scheme, uri.Scheme, StringComparison.OrdinalIgnoreCase)
            && string.Equals(a.IdnHost, uri.IdnHost, StringComparison.OrdinalIgnoreCase)
            && a.Port == uri.Port
            && uri.AbsolutePath.StartsWith(a.AbsolutePath, StringComparison.Ordinal));
    }

    private static bool IsLoopback(Uri uri) =>
        string.Equals(uri.IdnHost, "localhost", StringComparison.OrdinalIgnoreCase)
        || (IPAddress.TryParse(uri.DnsSafeHost, out var address) && IPAddress.IsLoopback(address));
}
