using Newtonsoft.Json;

namespace MagBot.Dialogs.Engine;

/// <summary>
/// The serializer dialog state goes through: Json.NET's defaults, as <c>JObject.FromObject(x)</c> and
/// <c>ToObject&lt;T&gt;()</c> use, created once. Those calls without a serializer build a new one (and its
/// settings) every time, several times a turn.
/// </summary>
internal static class DialogStateJson
{
    public static readonly JsonSerializer Serializer = JsonSerializer.CreateDefault();
}
