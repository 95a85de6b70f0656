using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Newtonsoft.Json.Linq;

namespace MagBot.Service.Tests.Support;

/// <summary>
/// A Bot Connector service on loopback that records what the bot sends: the Emulator and the channels
/// receive replies as <c>POST {serviceUrl}/v3/conversations/{conversationId}/activities/{replyToId}</c>.
/// <see cref="Respond"/> lets a test script answers (for example a 429 then a 200).
/// </summary>
public sealed class ConnectorRecorder : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<RecordedCall> _calls = new();
    private readonly SemaphoreSlim _arrived = new(0);

    public sealed record RecordedCall(string Path, string ConversationId, string? ReplyToId, JObject Activity, string? Authorization);

    /// <summary>Decides the answer to each call; default 200 with a resource id.</summary>
    public Func<RecordedCall, int, IResult?>? Respond { get; set; }

    private ConnectorRecorder(WebApplication app) => _app = app;

    public string ServiceUrl { get; private set; } = string.Empty;
    public IReadOnlyCollection<RecordedCall> Calls => _calls;

    public static async Task<ConnectorRecorder> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var recorder = new ConnectorRecorder(app);
        var count = 0;
        async Task<IResult> Handle(HttpContext http, string conversationId, string? activityId)
        {
            using var reader = new StreamReader(http.Request.Body);
            var body = JObject.Parse(await reader.ReadToEndAsync());
            var call = new RecordedCall(http.Request.Path, Uri.UnescapeDataString(conversationId), activityId, body, http.Request.Headers.Authorization.ToString());
            var n = Interlocked.Increment(ref count);
            var result = recorder.Respond?.Invoke(call, n);
            if (result is null || (result is IStatusCodeHttpResult s && s.StatusCode is >= 200 and < 300))
            {
                recorder._calls.Enqueue(call);
                recorder._arrived.Release();
            }
            return result ?? Results.Ok(new { id = Guid.NewGuid().ToString("N") });
        }
        app.MapPost("/v3/conversations/{conversationId}/activities/{activityId}", (HttpContext h, string conversationId, string activityId) => Handle(h, conversationId, activityId));
        app.MapPost("/v3/conversations/{conversationId}/activities", (HttpContext h, string conversationId) => Handle(h, conversationId, null));
        await app.StartAsync();
        recorder.ServiceUrl = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First() + "/";
        return recorder;
    }

    /// <summary>Waits until at least <paramref name="count"/> activities have been accepted, or fails after <paramref name="timeout"/>.</summary>
    public async Task<IReadOnlyList<RecordedCall>> WaitForAsync(int count, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(15));
        while (_calls.Count < count)
        {
            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero || !await _arrived.WaitAsync(left))
                throw new TimeoutException($"Expected {count} activities at the connector, got {_calls.Count}.");
        }
        return [.. _calls];
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
