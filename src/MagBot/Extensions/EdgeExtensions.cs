using MagBot.Bot;
using MagBot.Security;
using Microsoft.Extensions.Options;

namespace MagBot.Extensions;

/// <summary>The trust boundary's registrations: request limits, rate limits, security headers, error
/// responses as ProblemDetails, and log levels that keep health data out of the logs.</summary>
public static class EdgeExtensions
{
    public static WebApplicationBuilder AddMagBotEdge(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<EdgeLimitsOptions>().Bind(builder.Configuration.GetSection(EdgeLimitsOptions.SectionName))
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<SecurityHeadersOptions>().Bind(builder.Configuration.GetSection(MagBotHostOptions.SectionName))
            .Validate(o => !SecurityHeadersMiddleware.Validate(o).Any(), "MagBot:ConnectSources takes origins such as https://directline.botframework.com or wss://directline.botframework.com").ValidateOnStart();
        services.AddOptions<MagBotHostOptions>()
            .Validate(o => o.AllowedServiceUrls.All(u => Uri.TryCreate(u, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)),
                "MagBot:AllowedServiceUrls takes absolute http(s) URLs, such as https://channel.example/bot/")
            .ValidateOnStart();
        services.AddOptions<ChannelRetryOptions>().Bind(builder.Configuration.GetSection(ChannelRetryOptions.SectionName))
            .ValidateDataAnnotations().ValidateOnStart();

        services.AddSingleton<ActivityRequestReader>();
        services.AddSingleton<ServiceUrlPolicy>();
        services.AddSingleton<TurnRateLimiter>();
        services.AddSingleton<MessagesEndpoint>();
        services.AddProblemDetails();
        services.AddRateLimiter(o => BrowserRateLimit.AddPolicy(o,
            builder.Configuration.GetSection(EdgeLimitsOptions.SectionName).Get<EdgeLimitsOptions>() ?? new EdgeLimitsOptions()));

        // The SDK's adapter logs conversation ids at Information; HttpClient logs reply URLs, which name the
        // conversation. Operators still see warnings and errors from both.
        builder.Logging.AddFilter(MagBotAdapter.SdkLogCategory, LogLevel.Warning);
        builder.Logging.AddFilter("System.Net.Http.HttpClient", LogLevel.Warning);
        return builder;
    }

    public static WebApplication UseMagBotEdge(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        // Any unhandled failure becomes a ProblemDetails answer without the exception's text.
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseMiddleware<SecurityHeadersMiddleware>();
        app.UseRateLimiter();
        return app;
    }
}
