namespace MagBot.Security;

/// <summary>
/// The one check of an origin setting (<c>MagBot:ClinicOrigins</c>, <c>MagBot:ConnectSources</c>): scheme://host[:port]
/// and nothing else, so configuration cannot inject other directives into the Content-Security-Policy or widen CORS.
/// <c>MagBot:ClinicOrigins</c> itself is bound once, to <see cref="Extensions.MagBotHostOptions.ClinicOrigins"/>, and
/// validated once, at start-up; the security headers, CORS and the Direct Line token's trusted origins all read it there.
/// </summary>
public static class ClinicOrigins
{
    public const string Key = "MagBot:ClinicOrigins";

    /// <summary>What is wrong with the configured clinic origins, one sentence per bad entry (empty when all are good).</summary>
    public static IEnumerable<string> Problems(IEnumerable<string> origins)
    {
        ArgumentNullException.ThrowIfNull(origins);
        foreach (var origin in origins)
        {
            if (!IsOrigin(origin, allowWebSocket: false))
                yield return $"{Key} contains '{origin}': write an origin such as https://clinic.example (scheme, host and port only).";
        }
    }

    /// <summary>An origin as a browser sends it: http(s) (or ws(s) for a connect source), a host and a port, no path,
    /// query, fragment, user or separators.</summary>
    public static bool IsOrigin(string value, bool allowWebSocket) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp || (allowWebSocket && (uri.Scheme == "wss" || uri.Scheme == "ws")))
        && uri.AbsolutePath == "/" && string.IsNullOrEmpty(uri.Query) && string.IsNullOrEmpty(uri.Fragment) && string.IsNullOrEmpty(uri.UserInfo)
        && !value.Any(c => char.IsWhiteSpace(c) || c is ';' or ',' or '\'')
        && value.TrimEnd('/').Length == uri.GetLeftPart(UriPartial.Authority).Length;
}
