// The fastest answer this host can give on this machine: a fixed JSON body, no bot, no state.
var builder = WebApplication.CreateBuilder(args);
builder.Logging.SetMinimumLevel(LogLevel.Warning);
var app = builder.Build();
var body = """{"activities":[{"type":"message","text":"ok"}]}""";
app.MapPost("/api/messages", () => Results.Text(body, "application/json"));
app.MapGet("/healthz", () => Results.Ok(new { status = "ok" }));
app.Run();
