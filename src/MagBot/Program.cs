using MagBot;
using MagBot.Extensions;

// The host: configuration, the Bot Framework adapter, storage and the endpoints.
// Everything MagBot says and understands lives in dialogs/ (MagBot.Dialogs).
var app = MagBotApp.Build(args);
// Here, not in MagBotApp: the limit is for the whole process, and tests start many hosts in one process.
GcHeapLimit.Apply(app.Configuration, app.Logger);
app.Run();
