using MagBot;

// The host: configuration, the Bot Framework adapter, storage and the endpoints.
// Everything MagBot says and understands lives in dialogs/ (MagBot.Dialogs).
var app = MagBotApp.Build(args);
app.Run();
