using System.Text;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Options;
using Newtonsoft.Json;

namespace MagBot.Security;

/// <summary>
/// Reads the body of a <c>POST /api/messages</c> into an <see cref="Activity"/>, or says why it cannot:
/// wrong content type (415), too large (413), not UTF-8, not JSON, too deep, wrong field types or missing
/// fields (400). It runs before the SDK sees the request, because the SDK answers several of these with 500.
/// </summary>
public sealed class ActivityRequestReader
{
    private const int MaxIdLength = 1024;
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    private readonly EdgeLimitsOptions _limits;
    private readonly JsonSerializer _serializer;

    public ActivityRequestReader(IOptions<EdgeLimitsOptions> limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        _limits = limits.Value;
        // The SDK's own settings (HttpHelper.BotMessageSerializerSettings), with MagBot's depth limit:
        // the SDK's serializer sets its own MaxDepth (128) on every reader it is given.
        var settings = MagBot.Bot.BotMessageJson.CopyOfSdkSettings();
        settings.MaxDepth = _limits.MaxJsonDepth;
        settings.CheckAdditionalContent = true;
        settings.TypeNameHandling = TypeNameHandling.None; // never instantiate types named by the request
        _serializer = JsonSerializer.Create(settings);
    }

    public async Task<(Activity? Activity, EdgeRejection? Rejection)> ReadAsync(HttpRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!request.HasJsonContentType())
            return (null, new EdgeRejection(StatusCodes.Status415UnsupportedMediaType, "Unsupported content type",
                "POST /api/messages takes a Bot Framework activity as JSON (Content-Type: application/json)."));
        if (request.ContentLength > _limits.MaxBodyBytes)
            return (null, TooLarge());

        var (body, tooLarge) = await ReadBoundedAsync(request.Body, request.ContentLength, cancellationToken).ConfigureAwait(false);
        if (tooLarge) return (null, TooLarge());

        string text;
        try
        {
            text = StrictUtf8.GetString(body);
        }
        catch (DecoderFallbackException)
        {
            return (null, BadRequest("The body is not valid UTF-8."));
        }
        if (text.Length > 0 && text[0] == '\uFEFF') text = text[1..];

        Activity? activity;
        try
        {
            using var reader = new JsonTextReader(new StringReader(text));
            activity = _serializer.Deserialize<Activity>(reader);
        }
        catch (Exception e) when (e is JsonException or FormatException or InvalidCastException or OverflowException or ArgumentException)
        {
            // Not the exception message: Newtonsoft quotes the offending input in it.
            return (null, BadRequest($"The body is not a Bot Framework activity ({e.GetType().Name}): check that it is one JSON object, nested at most {_limits.MaxJsonDepth} levels, with fields of the right types."));
        }
        if (activity is null) return (null, BadRequest("The body is empty or null; it must be a Bot Framework activity."));
        var missing = MissingField(activity);
        return missing is null ? (activity, null) : (null, BadRequest(missing));
    }

    /// <summary>The fields MagBot needs to answer at all: without them the SDK throws outside the turn.</summary>
    private static string? MissingField(Activity activity)
    {
        if (string.IsNullOrWhiteSpace(activity.Type)) return "The activity has no 'type'.";
        if (string.IsNullOrWhiteSpace(activity.ChannelId)) return "The activity has no 'channelId'.";
        if (string.IsNullOrWhiteSpace(activity.Conversation?.Id)) return "The activity has no 'conversation.id'.";
        if (string.IsNullOrWhiteSpace(activity.From?.Id)) return "The activity has no 'from.id'.";
        if (activity.Conversation.Id.Length > MaxIdLength || activity.From.Id.Length > MaxIdLength || activity.ChannelId.Length > MaxIdLength)
            return $"An id in the activity is longer than {MaxIdLength} characters.";
        if (!Uri.TryCreate(activity.ServiceUrl, UriKind.Absolute, out var serviceUrl) || (serviceUrl.Scheme != Uri.UriSchemeHttp && serviceUrl.Scheme != Uri.UriSchemeHttps))
            return "The activity's 'serviceUrl' is missing or is not an absolute http(s) URL.";
        return null;
    }

    private async Task<(byte[] Body, bool TooLarge)> ReadBoundedAsync(Stream body, long? contentLength, CancellationToken cancellationToken)
    {
        // The read buffer comes from the shared pool: a fresh 16 KB array per request was a fifth of what the
        // edge allocated per turn.
        using var buffer = new MemoryStream(contentLength is > 0 and var n && n <= _limits.MaxBodyBytes ? (int)n : 0);
        var chunk = System.Buffers.ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            int read;
            while ((read = await body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
            {
                if (buffer.Length + read > _limits.MaxBodyBytes) return ([], true);
                buffer.Write(chunk, 0, read);
            }
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(chunk);
        }
        return (buffer.ToArray(), false);
    }

    private EdgeRejection TooLarge() => new(StatusCodes.Status413PayloadTooLarge, "Activity too large",
        $"The body is larger than {_limits.MaxBodyBytes} bytes (MagBot:Limits:MaxBodyBytes).");

    private static EdgeRejection BadRequest(string detail) => new(StatusCodes.Status400BadRequest, "Malformed activity", detail);
}
