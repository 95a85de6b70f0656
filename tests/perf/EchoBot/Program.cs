using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Bot.Schema;

// The SDK's echo bot sample, reduced to its essentials and hosted like MagBot: CloudAdapter with
// ConfigurationBotFrameworkAuthentication, one POST /api/messages endpoint, anonymous mode.
var builder = WebApplication.CreateBuilder(args);
builder.Logging.SetMinimumLevel(LogLevel.Warning);
builder.Services.AddHttpClient();
builder.Services.AddSingleton<BotFrameworkAuthentication>(sp => new ConfigurationBotFrameworkAuthentication(
    sp.GetRequiredService<IConfiguration>(), httpClientFactory: sp.GetRequiredService<IHttpClientFactory>()));
builder.Services.AddSingleton<IBotFrameworkHttpAdapter>(sp => new CloudAdapter(sp.GetRequiredService<BotFrameworkAuthentication>(), sp.GetRequiredService<ILogger<CloudAdapter>>()));
builder.Services.AddSingleton<IBot, EchoBot>();
var app = builder.Build();
app.MapPost("/api/messages", (HttpContext http, IBotFrameworkHttpAdapter adapter, IBot bot) =>
    adapter.ProcessAsync(http.Request, http.Response, bot, http.RequestAborted));
app.MapGet("/healthz", () => Results.Ok(new { status = "ok" }));
app.Run();

internal sealed class EchoBot : ActivityHandler
{
    protected override Task OnMessageActivityAsync(ITurnContext<IMessageActivity> turnContext, CancellationToken cancellationToken) =>
        turnContext.SendActivityAsync(MessageFactory.Text($"Echo: {turnContext.Activity.Text}"), cancellationToken);
}
