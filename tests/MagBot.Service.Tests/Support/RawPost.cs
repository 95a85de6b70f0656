using System.Net.Http.Headers;

namespace MagBot.Service.Tests.Support;

/// <summary>Posts raw bytes to /api/messages with any content type, for broken and hostile bodies.</summary>
public static class RawPost
{
    public static Task<HttpResponseMessage> PostRawAsync(this MagBotServer server, byte[] body, string? contentType = "application/json", string? authorization = null)
    {
        var content = new ByteArrayContent(body);
        if (contentType is not null) content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = content };
        if (authorization is not null) request.Headers.TryAddWithoutValidation("Authorization", authorization);
        return server.Client.SendAsync(request);
    }
}
