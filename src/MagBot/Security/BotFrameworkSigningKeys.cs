using Microsoft.Bot.Connector.Authentication;
using Microsoft.IdentityModel.Tokens;

namespace MagBot.Security;

/// <summary>
/// Makes the SDK fetch the channels' OpenID metadata and signing keys through MagBot's
/// <see cref="IHttpClientFactory"/> (client <see cref="HttpClientName"/>) instead of the private
/// <c>static new HttpClient()</c> that Bot Framework 4.23.1 uses for them.
/// </summary>
/// <remarks>
/// <see cref="JwtTokenExtractor"/> keeps one configuration manager per metadata URL in a process-wide cache
/// and keeps the first one created. Creating an extractor with our client before the SDK creates its own puts
/// our client in that cache; the SDK's validation code still runs unchanged. That gives the fetch a short
/// timeout (the static client waits 100 s), lets tests serve keys through a handler, and lets operators see
/// the fetches. 4.23.1 is the SDK's final release, so this cache behaviour will not change under us.
/// </remarks>
public static class BotFrameworkSigningKeys
{
    public const string HttpClientName = "MagBot.BotFrameworkSigningKeys";

    /// <summary>The configuration keys the SDK reads for the metadata URLs, and their public and US government defaults.</summary>
    public static IEnumerable<string> MetadataUrls(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        string?[] urls =
        [
            configuration["ToBotFromChannelOpenIdMetadataUrl"],
            configuration["ToBotFromEmulatorOpenIdMetadataUrl"],
            AuthenticationConstants.ToBotFromChannelOpenIdMetadataUrl,
            AuthenticationConstants.ToBotFromEmulatorOpenIdMetadataUrl,
            GovernmentAuthenticationConstants.ToBotFromChannelOpenIdMetadataUrl,
            GovernmentAuthenticationConstants.ToBotFromEmulatorOpenIdMetadataUrl,
        ];
        return urls.Where(u => !string.IsNullOrWhiteSpace(u)).Select(u => u!).Distinct(StringComparer.Ordinal);
    }

    /// <summary>Seeds the SDK's metadata cache with configuration managers that use <paramref name="httpClientFactory"/>.
    /// Call once, before the first request is authenticated.</summary>
    public static void UseHttpClientFactory(IHttpClientFactory httpClientFactory, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(httpClientFactory);
        var client = httpClientFactory.CreateClient(HttpClientName);
        foreach (var url in MetadataUrls(configuration))
        {
            // The constructor registers the configuration manager for this URL if none exists yet; the instance itself is not needed.
            _ = new JwtTokenExtractor(client, new TokenValidationParameters(), url, AuthenticationConstants.AllowedSigningAlgorithms);
        }
    }

    /// <summary>True when an authentication failure means the keys could not be fetched (the request may
    /// be fine; try again later), rather than that the token is bad.</summary>
    public static bool IsKeyFetchFailure(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            // IDX20803: "Unable to obtain configuration from ..." (Microsoft.IdentityModel ConfigurationManager).
            if (e is HttpRequestException or TimeoutException or System.IO.IOException || e.Message.Contains("IDX20803", StringComparison.Ordinal))
                return true;
        }
        return false;
    }
}
