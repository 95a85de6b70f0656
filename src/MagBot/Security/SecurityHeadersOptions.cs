namespace MagBot.Security;

/// <summary>Who may frame the web chat page and call the browser-facing endpoints (section <c>MagBot</c>,
/// key <c>ClinicOrigins</c>): the clinics' sites, for example <c>https://clinic.example</c>.</summary>
public sealed class SecurityHeadersOptions
{
    /// <summary>Origins allowed to frame MagBot's pages (CSP <c>frame-ancestors</c>); the channels helper also
    /// uses them for CORS of <c>/api/directline/token</c>. Empty means no one may frame the page.</summary>
    public List<string> ClinicOrigins { get; set; } = [];

    /// <summary>Extra sources the page may connect to (for example the Direct Line service,
    /// <c>https://directline.botframework.com</c>, and its web socket <c>wss://directline.botframework.com</c>).</summary>
    public List<string> ConnectSources { get; set; } = [];
}
