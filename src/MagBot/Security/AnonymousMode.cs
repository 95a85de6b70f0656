namespace MagBot.Security;

/// <summary>
/// Whether the service runs without a Bot Framework app id, decided here and nowhere else: with no
/// <c>MicrosoftAppId</c> it is anonymous (the Emulator, local development), and replies may go only where
/// <see cref="ServiceUrlPolicy"/> allows. <see cref="EnsureAllowed"/> refuses an anonymous start outside Development
/// unless <c>MagBot:AllowAnonymous</c> is true.
/// </summary>
public sealed class AnonymousMode(IConfiguration configuration)
{
    public const string AppIdKey = "MicrosoftAppId";
    public const string AllowKey = "MagBot:AllowAnonymous";

    /// <summary>True when no app id is configured: requests are not authenticated.</summary>
    public bool IsAnonymous { get; } = IsAnonymousIn(configuration);

    public static bool IsAnonymousIn(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return string.IsNullOrWhiteSpace(configuration[AppIdKey]);
    }

    /// <summary>Start-up check: anonymous only in Development or with <c>MagBot:AllowAnonymous</c>; otherwise throws with
    /// a message that names both keys.</summary>
    public static void EnsureAllowed(IConfiguration configuration, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(environment);
        if (!IsAnonymousIn(configuration) || environment.IsDevelopment() || configuration.GetValue<bool>(AllowKey)) return;
        throw new InvalidOperationException(
            $"MagBot will not start without '{AppIdKey}' in the '{environment.EnvironmentName}' environment: " +
            "anyone could then talk to it unauthenticated. Set MicrosoftAppId (with MicrosoftAppType, MicrosoftAppPassword " +
            $"and MicrosoftAppTenantId), or set '{AllowKey}' to true (environment variable MagBot__AllowAnonymous=true) " +
            "for a trusted network such as local testing.");
    }
}
