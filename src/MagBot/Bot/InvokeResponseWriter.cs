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
    private const int InitialBufferBytes = 8 * 1024;

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

        using var buffer = new MemoryStream(InitialBufferBytes);
        using (var text = new StreamWriter(buffer, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), 4096, leaveOpen: true))
        using (var json = new JsonTextWriter(text))
        {
            Serializer.Serialize(json, invokeResponse.Body);
        }
        response.ContentType = "application/json; charset=utf-8";
        response.ContentLength = buffer.Length;
        await response.Body.WriteAsync(buffer.GetBuffer().AsMemory(0, (int)buffer.Length), cancellationToken).ConfigureAwait(false);
    }

    private static JsonSerializer CreateSerializer()
    {
        var sdk = HttpHelper.BotMessageSerializerSettings;
        return JsonSerializer.Create(new JsonSerializerSettings
        {
            NullValueHandling = sdk.NullValueHandling,
            Formatting = Formatting.None,
            DateFormatHandling = sdk.DateFormatHandling,
            DateTimeZoneHandling = sdk.DateTimeZoneHandling,
            ReferenceLoopHandling = sdk.ReferenceLoopHandling,
            ContractResolver = sdk.ContractResolver,
            Converters = [.. sdk.Converters],
        });
    }
}
