namespace MagBot.Security;

/// <summary>What the page may connect to besides its own origin (section <c>MagBot</c>). Who may frame it is
/// <c>MagBot:ClinicOrigins</c>, bound to <see cref="Extensions.MagBotHostOptions.ClinicOrigins"/> alone.</summary>
public sealed class SecurityHeadersOptions
{
    /// <summary>Extra sources the page may connect to (for example the Direct Line service,
    /// <c>https://directline.botframework.com</c>, and its web socket <c>wss://directline.botframework.com</c>).</summary>
    public List<string> ConnectSources { get; set; } = [];
}
