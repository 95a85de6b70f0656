using System.Text.RegularExpressions;
using MagBot.Bot;
using MagBot.Security;
using MagBot.Dialogs;
using MagBot.DirectLine;
using MagBot.WebChat;
using MagBot.Storage;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace MagBot.Extensions;

/// <summary>The host's registrations, one method per concern, called from <see cref="MagBotApp"/>.</summary>
public static class HostExtensions
{
    /// <summary>Binds host options (section <c>MagBot</c>: the only binding of <c>MagBot:ClinicOrigins</c>) and validates
    /// the clinic origins at start-up; decides anonymous mode (<see cref="AnonymousMode"/>) and refuses an anonymous start
    /// outside Development unless <c>MagBot:AllowAnonymous</c> is true.</summary>
    public static WebApplicationBuilder AddMagBotHostOptions(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<MagBotHostOptions>().Bind(builder.Configuration.GetSection(MagBotHostOptions.SectionName)).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<MagBotHostOptions>, ClinicOriginsValidator>();
        AnonymousMode.EnsureAllowed(builder.Configuration, builder.Environment);
        builder.Services.AddSingleton<AnonymousMode>();
        return builder;
    }

    /// <summary>State storage chosen by <c>Storage:Provider</c>: the embedded memory store (default) or Redis
    /// (<c>ConnectionStrings:Redis</c>), with the matching per-conversation turn lock. Options are validated at
    /// start-up and a bad one names its key.</summary>
    public static IServiceCollection AddMagBotStorage(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<StorageOptions>()
            .Bind(configuration.GetSection(StorageOptions.SectionName))
            .Configure(o => o.RedisConnectionString = configuration.GetConnectionString("Redis"))
            // The clinic's kept questions and comments live for Insights:Retention, not for a conversation's period.
            .PostConfigure<IOptions<MagBot.Dialogs.Insights.InsightsOptions>>((o, insights) =>
                o.KeyRetention[MagBot.Dialogs.Insights.InsightStore.StorageKey] = insights.Value.Retention > o.Retention ? insights.Value.Retention : o.Retention)
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<StorageOptions>, StorageOptionsValidator>();
        services.TryAddSingleton(TimeProvider.System);

        var useRedis = string.Equals(configuration[$"{StorageOptions.SectionName}:Provider"], StorageOptions.RedisProvider, StringComparison.OrdinalIgnoreCase);
        if (useRedis)
        {
            services.AddSingleton<RedisConnection>();
            services.AddSingleton<RedisStorage>();
            services.AddSingleton<IConversationLock, RedisConversationLock>();
            services.AddSingleton<IStorage>(sp => sp.GetRequiredService<RedisStorage>());
            services.AddSingleton<IStorageHealth>(sp => sp.GetRequiredService<RedisStorage>());
            services.AddHostedService<RedisConnectOnStart>();
        }
        else
        {
            services.AddSingleton(sp => new MemoryCacheStorage(sp.GetRequiredService<IOptions<StorageOptions>>(), sp.GetService<TimeProvider>(), sp.GetService<ILogger<MemoryCacheStorage>>()));
            services.AddSingleton<IConversationLock, MemoryConversationLock>();
            services.AddSingleton<IStorage>(sp => sp.GetRequiredService<MemoryCacheStorage>());
            services.AddSingleton<IStorageHealth>(sp => sp.GetRequiredService<MemoryCacheStorage>());
        }
        services.AddSingleton<ConversationLockMiddleware>();
        return services;
    }

    /// <summary>The real Bot Framework adapter: CloudAdapter with configuration-based authentication
    /// (MicrosoftAppType, MicrosoftAppId, MicrosoftAppPassword, MicrosoftAppTenantId).</summary>
    public static IServiceCollection AddMagBotAdapter(this IServiceCollection services)
    {
        services.AddHttpClient();
        // The SDK's connector factory asks the IHttpClientFactory for the default (unnamed) client for every reply.
        services.AddTransient<ChannelRetryHandler>();
        services.AddTransient<AnonymousOutboundGuard>();
        services.AddHttpClient(Options.DefaultName).AddHttpMessageHandler<AnonymousOutboundGuard>().AddHttpMessageHandler<ChannelRetryHandler>();
        services.AddHttpClient(BotFrameworkSigningKeys.HttpClientName, c => c.Timeout = TimeSpan.FromSeconds(10));
        services.AddSingleton(sp => new ConnectorClientPool(sp.GetService<TimeProvider>() ?? TimeProvider.System));
        services.AddSingleton<BotFrameworkAuthentication>(sp =>
        {
            BotFrameworkSigningKeys.UseHttpClientFactory(sp.GetRequiredService<IHttpClientFactory>(), sp.GetRequiredService<IConfiguration>());
            // The SDK's checks, with connector clients kept between turns (see ReusingBotFrameworkAuthentication).
            return new ReusingBotFrameworkAuthentication(new ConfigurationBotFrameworkAuthentication(
                sp.GetRequiredService<IConfiguration>(),
                // Null unless registered: then the SDK builds it from MicrosoftAppType/Id/Password/TenantId.
                credentialsFactory: sp.GetService<ServiceClientCredentialsFactory>(),
                httpClientFactory: sp.GetRequiredService<IHttpClientFactory>(),
                logger: sp.GetRequiredService<ILogger<BotFrameworkAuthentication>>()),
                sp.GetRequiredService<ConnectorClientPool>());
        });
        services.AddSingleton<MagBotAdapter>();
        services.AddSingleton<IBotFrameworkHttpAdapter>(sp => sp.GetRequiredService<MagBotAdapter>());
        return services;
    }

    /// <summary>The web chat page's back end: the Direct Line token (Azure's, exchanged for the secret, or the
    /// embedded endpoint's), CORS for the clinics' origins, and validated branding.</summary>
    public static IServiceCollection AddMagBotWebChat(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DirectLineOptions>().Bind(configuration.GetSection(DirectLineOptions.SectionName))
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<ClinicOptions>()
            .Validate(o => Regex.IsMatch(o.AccentColor, "^#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})$"), "Clinic:AccentColor must be a hex colour such as '#0b6e4f'.")
            .Validate(o => o.AvatarInitials.Length is >= 1 and <= 3, "Clinic:AvatarInitials must be 1 to 3 characters.")
            .Validate(o => IsHttpsOrEmpty(o.TermsUrl), "Clinic:TermsUrl must be an https address such as 'https://www.example-clinic.org/terms'.")
            .Validate(o => IsHttpsOrEmpty(o.PrivacyUrl), "Clinic:PrivacyUrl must be an https address such as 'https://www.example-clinic.org/privacy'.")
            .Validate(o => !o.RequireConsent || !string.IsNullOrWhiteSpace(o.ConsentVersion), "Clinic:ConsentVersion must be set when Clinic:RequireConsent is true.")
            .ValidateOnStart();
        // CORS reads the clinic origins from the bound, validated options: never from the configuration again.
        services.AddCors();
        services.AddOptions<Microsoft.AspNetCore.Cors.Infrastructure.CorsOptions>().Configure<IOptions<MagBotHostOptions>>((cors, host) =>
            cors.AddPolicy(WebChatEndpoints.ClinicCorsPolicy, policy =>
                policy.WithOrigins([.. host.Value.ClinicOrigins.Select(o => o.TrimEnd('/'))])
                    .WithMethods("GET", "POST")
                    .WithHeaders("Authorization", "Content-Type", "x-ms-bot-agent")));
        services.AddHttpClient<DirectLineTokenExchange>(DirectLineTokenExchange.HttpClientName, c => c.Timeout = TimeSpan.FromSeconds(15));
        services.AddSingleton<EmbeddedDirectLineStore>();
        services.AddSingleton<EmbeddedDirectLineAdapter>();
        return services;
    }

    /// <summary>Links shown in chat Markdown: https only, and nothing that would end the Markdown link early.</summary>
    private static bool IsHttpsOrEmpty(string? value) =>
        string.IsNullOrWhiteSpace(value)
        || (Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme == "https" && !value.Any(c => c is ' ' or '(' or ')' or '<' or '>' or '[' or ']'));

    public static WebApplication MapMagBot(this WebApplication app)
    {
        // Through the edge (Security/MessagesEndpoint): limits, reply-address check and authentication before the SDK.
        app.MapPost("/api/messages", (HttpContext http, MessagesEndpoint endpoint) => endpoint.HandleAsync(http));
        app.MapGet("/healthz", StorageHealthEndpoint.GetAsync);
        return app;
    }
}
