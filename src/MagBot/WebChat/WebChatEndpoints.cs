using MagBot.Security;
using MagBot.DirectLine;
using MagBot.Dialogs;
using MagBot.Extensions;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;

namespace MagBot.WebChat;

/// <summary>The web chat page (<c>wwwroot/</c>), its configuration, and the Direct Line token it starts with.</summary>
public static class WebChatEndpoints
{
    /// <summary>CORS policy: the configured clinic origins (<c>MagBot:ClinicOrigins</c>) and nothing else.</summary>
    public const string ClinicCorsPolicy = "clinics";

    public static WebApplication MapWebChat(this WebApplication app)
    {
        var directLine = app.Services.GetRequiredService<IOptions<DirectLineOptions>>().Value;
        // The page's files are embedded in the assembly (see MagBot.csproj): served the same from dotnet run,
        // the tests' output folder, or a published app, whatever the content root.
        var files = new EmbeddedFileProvider(typeof(WebChatEndpoints).Assembly, "MagBot.wwwroot");
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
        app.UseStaticFiles(new StaticFileOptions { FileProvider = files });
        app.UseCors();

        app.MapGet("/api/webchat/config", (HttpContext http, IOptions<ClinicOptions> clinic) => Results.Ok(Config(http, clinic.Value, directLine)))
            .RequireCors(ClinicCorsPolicy);

        if (directLine.UsesAzureDirectLine)
        {
            app.MapPost("/api/directline/token", async (HttpContext http, DirectLineTokenExchange exchange, IOptions<MagBotHostOptions> host) =>
                await exchange.GenerateAsync(TrustedOrigins(http, host.Value), http.RequestAborted).ConfigureAwait(false) is { } token
                    ? Results.Ok(token)
                    : DirectLineUnavailable(http))
                .RequireCors(ClinicCorsPolicy)
                .RequireRateLimiting(BrowserRateLimit.PolicyName);
            // The page refreshes its token here before it expires, so a reload within its lifetime resumes the chat.
            app.MapPost(AzureRefreshPath, RefreshAzureTokenAsync)
                .RequireCors(ClinicCorsPolicy)
                .RequireRateLimiting(BrowserRateLimit.PolicyName);
        }
        else
        {
            app.MapPost("/api/directline/token", (EmbeddedDirectLineStore store) =>
                store.StartConversation() is { } token
                    ? Results.Ok(token)
                    : Results.Problem("Too many open conversations right now; try again in a few minutes.", statusCode: StatusCodes.Status429TooManyRequests))
                .RequireCors(ClinicCorsPolicy)
                .RequireRateLimiting(BrowserRateLimit.PolicyName);
            app.MapEmbeddedDirectLine().RequireCors(ClinicCorsPolicy);
        }
        return app;
    }

    /// <summary>Azure mode: where the page refreshes its Direct Line token (the embedded endpoint has its own).</summary>
    public const string AzureRefreshPath = "/api/directline/token/refresh";

    private static async Task<IResult> RefreshAzureTokenAsync(HttpContext http, DirectLineTokenExchange exchange)
    {
        var token = BearerHeader.TokenOf(http.Request);
        if (token is null) return TokenRefused();
        return await exchange.RefreshAsync(token, http.RequestAborted).ConfigureAwait(false) switch
        {
            { Token: { } fresh } => Results.Ok(fresh),
            { } => TokenRefused(),
            null => DirectLineUnavailable(http),
        };
    }

    /// <summary>403, as Direct Line answers an expired token: the page starts a new chat.</summary>
    private static IResult TokenRefused() =>
        Results.Problem("The token is missing or expired. Start a new chat with POST /api/directline/token.", statusCode: StatusCodes.Status403Forbidden);

    private static WebChatConfig Config(HttpContext http, ClinicOptions clinic, DirectLineOptions directLine)
    {
        var self = Origin(http);
        var branding = new WebChatBranding(
            Blank(clinic.Name), clinic.AccentColor, clinic.AvatarInitials, Blank(clinic.WelcomeLine), clinic.EmergencyNumber,
            Blank(clinic.Phone), Blank(clinic.Email), Blank(clinic.BookingUrl), Blank(clinic.Address));
        // Absolute URLs, so a clinic page that runs Web Chat itself can use them as they are.
        return directLine.UsesAzureDirectLine
            ? new WebChatConfig(WebChatConfig.DirectLineMode, self + "/api/directline/token", self + AzureRefreshPath, null, branding)
            : new WebChatConfig(WebChatConfig.EmbeddedMode, self + "/api/directline/token", self + EmbeddedDirectLineEndpoints.Prefix + "/tokens/refresh",
                self + EmbeddedDirectLineEndpoints.Prefix, branding);
    }

    /// <summary>The pages a token may be used on: the service's own page and the clinics' sites.</summary>
    private static List<string> TrustedOrigins(HttpContext http, MagBotHostOptions host) =>
        [.. new[] { Origin(http) }.Concat(host.ClinicOrigins).Distinct(StringComparer.OrdinalIgnoreCase)];

    private static string Origin(HttpContext http) => $"{http.Request.Scheme}://{http.Request.Host}";

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    /// <summary>Azure Direct Line could not issue a token: 503 with Retry-After (as the signing-key path does),
    /// so the page and any proxy know to try again rather than treat it as a broken server.</summary>
    private static IResult DirectLineUnavailable(HttpContext http)
    {
        http.Response.Headers.RetryAfter = "30";
        return Results.Problem("The chat service is not available right now. Please try again in a minute.", statusCode: StatusCodes.Status503ServiceUnavailable);
    }
}
