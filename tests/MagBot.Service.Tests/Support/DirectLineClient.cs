using System.Net.Http.Headers;
using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace MagBot.Service.Tests.Support;

/// <summary>Talks to the embedded Direct Line endpoint the way Web Chat's DirectLine client does (polling).</summary>
public sealed class DirectLineClient(HttpClient http)
{
    public string Token { get; set; } = string.Empty;
    public string ConversationId { get; private set; } = string.Empty;
    public string UserId { get; private set; } = string.Empty;
    public string Watermark { get; private set; } = string.Empty;

    /// <summary>POST /api/directline/token then POST /v3/directline/conversations, as the page does.</summary>
    public async Task StartAsync()
    {
        var token = JObject.Parse(await (await http.PostAsync("/api/directline/token", null)).EnsureSuccessStatusCode().Content.ReadAsStringAsync());
        Token = (string)token["token"]!;
        UserId = (string)token["userId"]!;
        var started = await SendAsync(HttpMethod.Post, "/v3/directline/conversations");
        started.EnsureSuccessStatusCode();
        ConversationId = (string)JObject.Parse(await started.Content.ReadAsStringAsync())["conversationId"]!;
    }

    /// <summary>What a reloaded page does: GET /v3/directline/conversations/{id} with its stored token and no watermark,
    /// so the next poll returns the whole history.</summary>
    public async Task<HttpResponseMessage> ResumeAsync(string conversationId, string token)
    {
        Token = token;
        ConversationId = conversationId;
        Watermark = string.Empty;
        return await SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{conversationId}?watermark=");
    }

    public Task<HttpResponseMessage> PostActivityAsync(object activity, string? conversationId = null) =>
        SendAsync(HttpMethod.Post, $"/v3/directline/conversations/{conversationId ?? ConversationId}/activities",
            new StringContent(JsonConvert.SerializeObject(activity), Encoding.UTF8, "application/json"));

    public Task<HttpResponseMessage> PostMessageAsync(string text) =>
        PostActivityAsync(new { type = "message", text, from = new { id = "someone-else" }, channelData = new { clientActivityID = Guid.NewGuid().ToString("N") } });

    /// <summary>GET …/activities?watermark= and moves the watermark on.</summary>
    public async Task<IReadOnlyList<JObject>> PollAsync()
    {
        var response = await SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{ConversationId}/activities?watermark={Watermark}");
        response.EnsureSuccessStatusCode();
        var set = JObject.Parse(await response.Content.ReadAsStringAsync());
        Watermark = (string)set["watermark"]!;
        return [.. set["activities"]!.Children<JObject>()];
    }

    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, HttpContent? content = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = content };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        return await http.SendAsync(request);
    }
}
