using MagBot.Dialogs;
using MagBot.Extensions;
using MagBot.WebChat;

namespace MagBot;

/// <summary>Builds the MagBot web application. Tests call <see cref="Build"/> with their own settings
/// and a loopback address, and get the same service <c>dotnet run</c> starts.</summary>
public static class MagBotApp
{
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        configure?.Invoke(builder);

        builder.AddMagBotHostOptions();
        builder.Services.AddMagBotStorage(builder.Configuration);
        builder.Services.AddMagBotConversation(builder.Configuration);
        builder.Services.AddMagBotAdapter();
        builder.AddMagBotEdge();
        builder.Services.AddMagBotWebChat(builder.Configuration);
        builder.AddMagBotTelemetry();

        var app = builder.Build();
        app.UseMagBotEdge();
        app.MapMagBot();
        app.MapWebChat();
        app.MapMagBotTelemetry();
        return app;
    }
}
