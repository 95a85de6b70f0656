using MagBot.Dialogs.Telemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;

namespace MagBot.Extensions;

/// <summary>
/// Metrics with OpenTelemetry: the conversation's own meter (<see cref="ConversationMetrics"/>) with ASP.NET Core,
/// HttpClient and .NET runtime instrumentation. <c>GET /metrics</c> (Prometheus text) when <c>Telemetry:Prometheus</c> is
/// true; OTLP when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set. Metrics only: traces would carry request paths, and the
/// Direct Line paths name conversations.
/// </summary>
public static class TelemetryExtensions
{
    public const string PrometheusKey = "Telemetry:Prometheus";
    public const string OtlpEndpointKey = "OTEL_EXPORTER_OTLP_ENDPOINT";
    public const string ScrapePath = "/metrics";

    public static WebApplicationBuilder AddMagBotTelemetry(this WebApplicationBuilder builder)
    {
        var prometheus = builder.Configuration.GetValue<bool>(PrometheusKey);
        var otlp = !string.IsNullOrWhiteSpace(builder.Configuration[OtlpEndpointKey]);
        if (!prometheus && !otlp) return builder;

        builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("magbot"))
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(ConversationMetrics.MeterName)
                    .AddAspNetCoreInstrumentation()
                    .AddHttpClientInstrumentation()
                    .AddRuntimeInstrumentation();
                if (prometheus) metrics.AddPrometheusExporter();
                // Reads OTEL_EXPORTER_OTLP_ENDPOINT (and _PROTOCOL, _HEADERS) itself.
                if (otlp) metrics.AddOtlpExporter();
            });
        return builder;
    }

    public static WebApplication MapMagBotTelemetry(this WebApplication app)
    {
        if (app.Configuration.GetValue<bool>(PrometheusKey)) app.MapPrometheusScrapingEndpoint(ScrapePath);
        return app;
    }
}
