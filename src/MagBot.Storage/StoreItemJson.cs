using Microsoft.Bot.Builder;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace MagBot.Storage;

/// <summary>
/// How MagBot's stores turn Bot Framework state into JSON and back, and read the ETag of a change.
/// No <c>TypeNameHandling</c>: type names in stored JSON let whoever can write the store choose which
/// .NET types get created on read (unsafe deserialization). State comes back as the property dictionary
/// <c>BotState</c> keeps (objects inside it as <see cref="JObject"/>), which it maps to its typed properties.
/// </summary>
public static class StoreItemJson
{
    public const string ETagProperty = "eTag";

    // Stored state is never shown to anyone with line numbers; keeping them cost an object per token.
    private static readonly JsonLoadSettings NoLineInfo = new() { LineInfoHandling = LineInfoHandling.Ignore };

    private static readonly JsonSerializer Serializer = JsonSerializer.Create(new JsonSerializerSettings
    {
        TypeNameHandling = TypeNameHandling.None,
        NullValueHandling = NullValueHandling.Include,
        MaxDepth = 64,
    });

    public static JObject ToJson(object value) => JObject.FromObject(value, Serializer);

    /// <summary>The ETag the writer expects, or null/"*" for an unconditional write.</summary>
    public static string? ExpectedETag(object value) => value switch
    {
        IStoreItem item => item.ETag,
        JObject j => j.Value<string>(ETagProperty),
        IDictionary<string, object> d => d.TryGetValue(ETagProperty, out var e) ? e?.ToString() : null,
        _ => null,
    };

    /// <summary>True when a write expecting <paramref name="expected"/> may replace an item whose ETag is <paramref name="current"/>.</summary>
    public static bool ETagAllows(string? expected, string? current) =>
        string.IsNullOrEmpty(expected) || expected == "*" || current is null || expected == current;

    public static string Serialize(JObject json) => json.ToString(Formatting.None);

    /// <summary>
    /// The JSON a store keeps for <paramref name="value"/>, without its ETag (the store keeps that apart):
    /// the same text as <see cref="ToJson"/>, removing <see cref="ETagProperty"/>, then <see cref="Serialize"/>,
    /// written in one pass for the shapes BotState hands over (a dictionary of properties, or a JObject).
    /// Every turn saves state, so the intermediate JObject was a measurable share of a turn.
    /// </summary>
    public static string SerializeForStore(object value)
    {
        ArgumentNullException.ThrowIfNull(value);
        switch (value)
        {
            case IDictionary<string, object?> properties:
            {
                var text = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
                using (var writer = new JsonTextWriter(text) { Formatting = Formatting.None })
                {
                    writer.WriteStartObject();
                    foreach (var (name, property) in properties)
                    {
                        if (name == ETagProperty) continue;
                        writer.WritePropertyName(name);
                        Serializer.Serialize(writer, property);
                    }
                    writer.WriteEndObject();
                }
                return text.ToString();
            }
            case JObject json:
            {
                var text = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
                using (var writer = new JsonTextWriter(text) { Formatting = Formatting.None })
                {
                    writer.WriteStartObject();
                    foreach (var property in json.Properties())
                    {
                        if (property.Name == ETagProperty) continue;
                        property.WriteTo(writer);
                    }
                    writer.WriteEndObject();
                }
                return text.ToString();
            }
            default:
            {
                var json = ToJson(value);
                json.Remove(ETagProperty);
                return Serialize(json);
            }
        }
    }

    /// <summary>
    /// A stored item as the property dictionary <c>BotState</c> keeps (objects and arrays as JObject/JArray,
    /// numbers, strings and booleans as values), with its ETag: read in one pass. Given a JObject instead,
    /// BotState converts it to this dictionary itself, which was a second pass over every conversation's state
    /// on every turn.
    /// </summary>
    public static Dictionary<string, object?> DeserializeProperties(string text, string etag)
    {
        using var reader = new JsonTextReader(new StringReader(text)) { DateParseHandling = DateParseHandling.None, MaxDepth = 64 };
        if (!reader.Read() || reader.TokenType != JsonToken.StartObject)
            throw new JsonReaderException("A stored item must be a JSON object.");
        var properties = new Dictionary<string, object?>(StringComparer.Ordinal);
        while (reader.Read() && reader.TokenType == JsonToken.PropertyName)
        {
            var name = (string)reader.Value!;
            if (!reader.Read()) break;
            properties[name] = reader.TokenType is JsonToken.StartObject or JsonToken.StartArray
                ? JToken.ReadFrom(reader, NoLineInfo)
                : reader.Value;
        }
        if (reader.TokenType != JsonToken.EndObject) throw new JsonReaderException("A stored item ended early.");
        properties[ETagProperty] = etag;
        return properties;
    }

    /// <summary>Raised for a write whose ETag is stale: another turn saved first.</summary>
    public static ETagConflictException Conflict(string key) =>
        new ETagConflictException($"Etag conflict on key '{Redact(key)}': the item was changed by another writer since it was read.");

    /// <summary>Keys hold channel, conversation and user ids: logs and errors show only a short hash.</summary>
    public static string Redact(string key) =>
        Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(key)))[..12];
}
