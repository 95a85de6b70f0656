using System.Buffers;
using System.Text;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Newtonsoft.Json;

namespace MagBot.Bot;

/// <summary>
/// Writes a turn's <see cref="InvokeResponse"/> (the <c>expectReplies</c> activities, or an invoke's answer) as
/// the SDK's <see cref="HttpHelper.WriteResponseAsync"/> does, with the SDK's serializer settings, but without
/// indentation (a quarter of the bytes of a reply were spaces) and with a Content-Length instead of chunks.
/// </summary>
public static class InvokeResponseWriter
{
    private const int InitialBufferChars = 8 * 1024;
    private const int MaxCachedChars = 256 * 1024;
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    [ThreadStatic]
    private static StringBuilder? CachedBuilder;

    private static readonly JsonSerializer Serializer = CreateSerializer();

    public static async Task WriteAsync(HttpResponse response, InvokeResponse? invokeResponse, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(response);
        if (invokeResponse is null)
        {
            response.StatusCode = StatusCodes.Status200OK;
            return;
        }
        response.StatusCode = invokeResponse.Status;
        if (invokeResponse.Body is null) return;

        // Serialized into a per-thread StringBuilder and encoded into a pooled array: a reply body is a few KB and
        // every turn writes one, so fresh buffers for it were a large share of what a turn allocated.
        var text = CachedBuilder ??= new StringBuilder(InitialBufferChars);
        text.Clear();
        using (var json = new JsonTextWriter(new StringWriter(text, System.Globalization.CultureInfo.InvariantCulture)))
        {
            Serializer.Serialize(json, invokeResponse.Body);
        }
        var bytes = ArrayPool<byte>.Shared.Rent(Utf8.GetMaxByteCount(text.Length));
        try
        {
            // One encoder across the builder's chunks, so a character pair split between two chunks stays whole.
            var encoder = Utf8.GetEncoder();
            var length = 0;
            foreach (var chunk in text.GetChunks()) length += encoder.GetBytes(chunk.Span, bytes.AsSpan(length), flush: false);
            length += encoder.GetBytes([], bytes.AsSpan(length), flush: true);
            if (text.Capacity > MaxCachedChars) CachedBuilder = null; // one huge reply must not pin its buffer
            response.ContentType = "application/json; charset=utf-8";
            response.ContentLength = length;
            await response.Body.WriteAsync(bytes.AsMemory(0, length), cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(bytes);
        }
    }

    private static JsonSerializer CreateSerializer()
    {
        var settings = BotMessageJson.CopyOfSdkSettings();
        settings.Formatting = Formatting.None;
        return JsonSerializer.Create(settings);
    }
}
