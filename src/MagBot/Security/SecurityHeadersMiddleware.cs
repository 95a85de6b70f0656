using Microsoft.Extensions.Options;

namespace MagBot.Security;

/// <summary>
/// Security headers on every response: a Content-Security-Policy that allows only what the web chat page needs
/// (scripts from this origin only, no inline script), <c>X-Content-Type-Options: nosniff</c>, a Referrer-Policy,
/// and <c>frame-ancestors</c> limited to the configured clinic origins, so only a clinic's site can embed the widget.
/// </summary>
public sealed class SecurityHeadersMiddleware(RequestDelegate next, IOptions<SecurityHeadersOptions> options)
{
    private readonly string _policy = ContentSecurityPolicy(options.Value);
    private readonly bool _noFraming = options.Value.ClinicOrigins.Count == 0;

    public Task InvokeAsync(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        // OnStarting, so the headers survive handlers that reset the response (the exception handler does).
        http.Response.OnStarting(() =>
        {
            var headers = http.Response.Headers;
            headers.ContentSecurityPolicy = _policy;
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
            // Older browsers ignore frame-ancestors; X-Frame-Options can say "nobody" but cannot list origins.
            if (_noFraming) headers.XFrameOptions = "DENY";
            return Task.CompletedTask;
        });
        return next(http);
    }

    /// <summary>Web Chat injects its styles at run time (CSS-in-JS), hence style-src 'unsafe-inline'; scripts stay 'self' only.</summary>
    public static string ContentSecurityPolicy(SecurityHeadersOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var ancestors = options.ClinicOrigins.Count == 0 ? "'none'" : string.Join(' ', options.ClinicOrigins);
        var connect = string.Join(' ', new[] { "'self'" }.Concat(options.ConnectSources));
        return "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
            $"font-src 'self' data:; connect-src {connect}; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors {ancestors}";
    }

    /// <summary>Start-up check: each origin is scheme://host[:port] and nothing else, so configuration cannot inject
    /// other directives into the policy.</summary>
    public static IEnumerable<string> Validate(SecurityHeadersOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        foreach (var origin in options.ClinicOrigins)
        {
            if (!IsOrigin(origin, allowWebSocket: false))
                yield return $"MagBot:ClinicOrigins contains '{origin}': write an origin such as https://clinic.example (scheme, host and port only).";
        }
        foreach (var source in options.ConnectSources)
        {
            if (!IsOrigin(source, allowWebSocket: true))
                yield return $"MagBot:ConnectSources contains '{source}': write an origin such as https://directline.botframework.com or wss://directline.botframework.com.";
        }
    }

    private static bool IsOrigin(string value, bool allowWebSocket) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp || (allowWebSocket && (uri.Scheme == "wss" || uri.Scheme == "ws")))
        && uri.AbsolutePath == "/" && string.IsNullOrEmpty(uri.Query) && string.IsNullOrEmpty(uri.Fragment) && string.IsNullOrEmpty(uri.UserInfo)
        && !value.Any(c => char.IsWhiteSpace(c) || c is ';' or ',' or '\'')
        && value.TrimEnd('/').Length == uri.GetLeftPart(UriPartial.Authority).Length;
}
