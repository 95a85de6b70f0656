using Microsoft.Bot.Schema;
using Newtonsoft.Json;

namespace MagBot.DirectLine;

/// <summary>The body of Direct Line's <c>GET …/activities</c>. Serialized with Newtonsoft, as the Bot Schema's activities are.</summary>
public sealed record DirectLineActivitySet(
    [property: JsonProperty("activities")] IReadOnlyList<Activity> Activities,
    [property: JsonProperty("watermark")] string Watermark);
