using System.Net.Http.Json;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace MagBot.Service.Tests.Support;

/// <summary>
/// The real MagBot service (the same <see cref="MagBotApp.Build"/> that <c>dotnet run</c> uses) on Kestrel,
/// bound to a free loopback port, for tests that talk to it over real HTTP.
/// </summary>
public sealed class MagBotServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private MagBotServer(WebApplication app, Uri baseAddress)
    {
        _app = app;
        BaseAddress = baseAddress;
        Client = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
    }

    public Uri BaseAddress { get; }
    public HttpClient Client { get; }
    public IServiceProvider Services => _app.Services;

    public static async Task<MagBotServer> StartAsync(
        IDictionary<string, string?>? settings = null,
        string environment = "Development",
        Action<WebApplicationBuilder>? configure = null,
        Action<WebApplication>? map = null)
    {
        var app = MagBotApp.Build(["--urls", "http://127.0.0.1:0", "--environment", environment], builder =>
        {
            builder.Configuration.AddInMemoryCollection(settings ?? new Dictionary<string, string?>());
            configure?.Invoke(builder);
        });
        map?.Invoke(app);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        return new MagBotServer(app, new Uri(address));
    }

    /// <summary>POSTs an activity (any object, serialized as the channels do) to /api/messages.</summary>
    public Task<HttpResponseMessage> PostActivityAsync(object activity, string? authorization = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages")
        {
            Content = new StringContent(JsonConvert.SerializeObject(activity), Encoding.UTF8, "application/json"),
        };
        if (authorization is not null) request.Headers.TryAddWithoutValidation("Authorization", authorization);
        return Client.SendAsync(request);
    }

    /// <summary>Sends a message with <c>deliveryMode: expectReplies</c> and returns the replies from the response body.</summary>
    public async Task<IReadOnlyList<JObject>> ExpectRepliesAsync(string conversationId, string text, string serviceUrl = "http://127.0.0.1:9/")
    {
        var response = await PostActivityAsync(Activities.Message(conversationId, text, serviceUrl, expectReplies: true));
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode) throw new HttpRequestException($"POST /api/messages answered {(int)response.StatusCode}: {body}");
        return [.. JObject.Parse(body)["activities"]!.Children<JObject>()];
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
