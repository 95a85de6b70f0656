using MagBot.Extensions;
using Microsoft.Extensions.Options;

namespace MagBot.Security;

/// <summary>
/// Security headers on every response: a Content-Security-Policy that allows only what the web chat page needs
/// (scripts from this origin only, no inline script), <c>X-Content-Type-Options: nosniff</c>, a Referrer-Policy,
/// and <c>frame-ancestors</c> limited to the configured clinic origins (<see cref="MagBotHostOptions.ClinicOrigins"/>), so only
/// a clinic's site can embed the widget.
/// </summary>
public sealed class SecurityHeadersMiddleware(RequestDelegate next, IOptions<SecurityHeadersOptions> options, IOptions<MagBotHostOptions> host)
{
    private readonly string _policy = ContentSecurityPolicy(options.Value, host.Value.ClinicOrigins);
    private readonly bool _noFraming = host.Value.ClinicOrigins.Count == 0;

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
    public static string ContentSecurityPolicy(SecurityHeadersOptions options, IReadOnlyCollection<string> clinicOrigins)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(clinicOrigins);
        var ancestors = clinicOrigins.Count == 0 ? "'none'" : string.Join(' ', clinicOrigins);
        var connect = string.Join(' ', new[] { "'self'" }.Concat(options.ConnectSources));
        return "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
            $"font-src 'self' data:; connect-src {connect}; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors {ancestors}";
    }

    /// <summary>Start-up check of <c>MagBot:ConnectSources</c>: each is scheme://host[:port] and nothing else, so
    /// configuration cannot inject other directives into the policy (the clinic origins: <see cref="ClinicOriginsValidator"/>).</summary>
    public static IEnumerable<string> Validate(SecurityHeadersOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        foreach (var source in options.ConnectSources)
        {
            if (!ClinicOrigins.IsOrigin(source, allowWebSocket: true))
                yield return $"MagBot:ConnectSources contains '{source}': write an origin such as https://directline.botframework.com or wss://directline.botframework.com.";
        }
    }
}
