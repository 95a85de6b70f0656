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
/// Azure's Direct Line token service, faked on loopback: <c>POST /v3/directline/tokens/generate</c> answers a token
/// only for <c>Authorization: Bearer {secret}</c>, and records each request body (user id, trusted origins);
/// <c>POST /v3/directline/tokens/refresh</c> answers a new token for the conversation of one it issued, 403 for any other.
/// </summary>
public sealed class FakeDirectLineService : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<JObject> _requests = new();
    private readonly ConcurrentDictionary<string, string> _conversationOfToken = new(StringComparer.Ordinal);

    private FakeDirectLineService(WebApplication app) => _app = app;

    public string BaseUrl { get; private set; } = string.Empty;
    public IReadOnlyCollection<JObject> Requests => _requests;

    /// <summary>When set, every request gets this status instead of a token (an outage, a revoked secret).</summary>
    public int? FailWith { get; set; }

    public static async Task<FakeDirectLineService> StartAsync(string secret)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var fake = new FakeDirectLineService(app);
        app.MapPost("/v3/directline/tokens/generate", async (HttpContext http) =>
        {
            if (http.Request.Headers.Authorization.ToString() != $"Bearer {secret}") return Results.Unauthorized();
            if (fake.FailWith is { } status) return Results.StatusCode(status);
            using var reader = new StreamReader(http.Request.Body);
            var body = JObject.Parse(await reader.ReadToEndAsync());
            fake._requests.Enqueue(body);
            return Results.Ok(fake.Issue("fake-conv-" + fake._requests.Count));
        });
        app.MapPost("/v3/directline/tokens/refresh", (HttpContext http) =>
        {
            if (fake.FailWith is { } status) return Results.StatusCode(status);
            var header = http.Request.Headers.Authorization.ToString();
            return header.StartsWith("Bearer ", StringComparison.Ordinal) && fake._conversationOfToken.TryGetValue(header["Bearer ".Length..], out var conversation)
                ? Results.Ok(fake.Issue(conversation))
                : Results.StatusCode(StatusCodes.Status403Forbidden);
        });
        await app.StartAsync();
        fake.BaseUrl = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First() + "/v3/directline";
        return fake;
    }

    /// <summary>Tokens the fake has issued, oldest first.</summary>
    public List<string> IssuedTokens { get; } = [];

    private object Issue(string conversationId)
    {
        var token = "fake-token-" + Guid.NewGuid().ToString("N");
        _conversationOfToken[token] = conversationId;
        lock (IssuedTokens) IssuedTokens.Add(token);
        return new { conversationId, token, expires_in = 3600 };
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
