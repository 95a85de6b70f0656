using System.Net;
using MagBot.Service.Tests.Support;
using Newtonsoft.Json.Linq;

namespace MagBot.Service.Tests.WebChat;

/// <summary>Production mode: POST /api/directline/token exchanges DirectLine:Secret at a (fake) Direct Line service on loopback.</summary>
public sealed class DirectLineTokenTests
{
    private const string Secret = "dl-secret-7f3a9c-never-in-a-browser";
    private const string ClinicOrigin = "https://www.riverside-clinic.example";

    private static Task<MagBotServer> StartAsync(FakeDirectLineService fake) => MagBotServer.StartAsync(new Dictionary<string, string?>
    {
        ["DirectLine:Secret"] = Secret,
        ["DirectLine:BaseUrl"] = fake.BaseUrl,
        ["MagBot:ClinicOrigins:0"] = ClinicOrigin,
    });

    [Fact]
    public async Task Token_is_exchanged_with_the_secret_for_a_new_dl_user_and_the_trusted_origins()
    {
        await using var fake = await FakeDirectLineService.StartAsync(Secret);
        await using var server = await StartAsync(fake);

        var first = JObject.Parse(await (await server.Client.PostAsync("/api/directline/token", null)).EnsureSuccessStatusCode().Content.ReadAsStringAsync());
        var second = JObject.Parse(await (await server.Client.PostAsync("/api/directline/token", null)).EnsureSuccessStatusCode().Content.ReadAsStringAsync());

        Assert.StartsWith("fake-token-", (string?)first["token"]);
        Assert.Equal("fake-conv-1", (string?)first["conversationId"]);
        var sent = fake.Requests.ToList();
        Assert.Equal(2, sent.Count);
        Assert.StartsWith("dl_", (string?)sent[0]["user"]?["id"]);
        Assert.Equal((string?)sent[0]["user"]?["id"], (string?)first["userId"]);
        Assert.NotEqual((string?)first["userId"], (string?)second["userId"]);
        var origins = sent[0]["trustedOrigins"]!.Select(o => (string?)o).ToList();
        Assert.Contains(ClinicOrigin, origins);
        Assert.Contains(server.BaseAddress.GetLeftPart(UriPartial.Authority), origins);
    }

    [Fact]
    public async Task The_secret_is_in_no_response_the_browser_can_get()
    {
        await using var fake = await FakeDirectLineService.StartAsync(Secret);
        await using var server = await StartAsync(fake);
        var responses = new List<HttpResponseMessage>
        {
            await server.Client.PostAsync("/api/directline/token", null),
            await server.Client.GetAsync("/api/webchat/config"),
            await server.Client.GetAsync("/"),
            await server.Client.GetAsync("/js/chat.js"),
            await server.Client.GetAsync("/embed.js"),
        };
        fake.FailWith = 500;
        responses.Add(await server.Client.PostAsync("/api/directline/token", null));

        foreach (var response in responses)
        {
            var text = await response.Content.ReadAsStringAsync() + string.Join("\n", response.Headers.Concat(response.Content.Headers).SelectMany(h => h.Value));
            Assert.DoesNotContain(Secret, text);
        }
    }

    [Theory]
    [InlineData(401)]
    [InlineData(500)]
    [InlineData(503)]
    public async Task A_refusing_Direct_Line_service_gives_a_clear_problem_not_a_crash(int status)
    {
        await using var fake = await FakeDirectLineService.StartAsync(Secret);
        await using var server = await StartAsync(fake);
        fake.FailWith = status;

        var response = await server.Client.PostAsync("/api/directline/token", null);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.True(response.Headers.RetryAfter is not null, "a 503 must say when to retry");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("try again", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_wrong_secret_is_refused_by_the_service_and_reported_as_unavailable()
    {
        await using var fake = await FakeDirectLineService.StartAsync("another-secret");
        await using var server = await StartAsync(fake);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await server.Client.PostAsync("/api/directline/token", null)).StatusCode);
        Assert.Empty(fake.Requests);
    }

    [Theory]
    [InlineData(ClinicOrigin, true)]
    [InlineData("https://evil.example", false)]
    public async Task Cors_allows_only_the_configured_clinic_origins(string origin, bool allowed)
    {
        await using var fake = await FakeDirectLineService.StartAsync(Secret);
        await using var server = await StartAsync(fake);
        using var preflight = new HttpRequestMessage(HttpMethod.Options, "/api/directline/token");
        preflight.Headers.Add("Origin", origin);
        preflight.Headers.Add("Access-Control-Request-Method", "POST");

        var response = await server.Client.SendAsync(preflight);

        var allowOrigin = response.Headers.TryGetValues("Access-Control-Allow-Origin", out var values) ? values.Single() : null;
        Assert.Equal(allowed ? origin : null, allowOrigin);
    }

    [Fact]
    public async Task With_a_secret_the_page_is_told_to_use_Azure_Direct_Line_and_the_embedded_endpoint_is_off()
    {
        await using var fake = await FakeDirectLineService.StartAsync(Secret);
        await using var server = await StartAsync(fake);

        var config = JObject.Parse(await server.Client.GetStringAsync("/api/webchat/config"));

        Assert.Equal("directline", (string?)config["mode"]);
        Assert.Null((string?)config["directLineDomain"]);
        Assert.Equal(HttpStatusCode.NotFound, (await server.Client.PostAsync("/v3/directline/tokens/generate", null)).StatusCode);
    }

    [Fact]
    public async Task The_page_refreshes_its_Azure_token_through_the_service_for_the_same_conversation()
    {
        await using var fake = await FakeDirectLineService.StartAsync(Secret);
        await using var server = await StartAsync(fake);
        var config = JObject.Parse(await server.Client.GetStringAsync("/api/webchat/config"));
        var first = JObject.Parse(await (await server.Client.PostAsync("/api/directline/token", null)).EnsureSuccessStatusCode().Content.ReadAsStringAsync());

        var refreshed = await RefreshAsync(server, (string)config["refreshUrl"]!, (string)first["token"]!);

        Assert.Equal(HttpStatusCode.OK, refreshed.StatusCode);
        var body = JObject.Parse(await refreshed.Content.ReadAsStringAsync());
        Assert.Equal((string?)first["conversationId"], (string?)body["conversationId"]);
        Assert.NotEqual((string?)first["token"], (string?)body["token"]);
        Assert.True((int)body["expires_in"]! > 0);
        Assert.DoesNotContain(Secret, await refreshed.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("fake-token-never-issued", HttpStatusCode.Forbidden)]
    [InlineData("", HttpStatusCode.Forbidden)]
    [InlineData("not a token; X-Injected=1", HttpStatusCode.Forbidden)]
    public async Task A_token_Direct_Line_no_longer_accepts_gets_403_so_the_page_starts_a_new_chat(string token, HttpStatusCode expected)
    {
        await using var fake = await FakeDirectLineService.StartAsync(Secret);
        await using var server = await StartAsync(fake);

        var response = await RefreshAsync(server, "/api/directline/token/refresh", token);

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_Direct_Line_outage_during_a_refresh_is_503_not_a_crash()
    {
        await using var fake = await FakeDirectLineService.StartAsync(Secret);
        await using var server = await StartAsync(fake);
        var first = JObject.Parse(await (await server.Client.PostAsync("/api/directline/token", null)).EnsureSuccessStatusCode().Content.ReadAsStringAsync());
        fake.FailWith = 500;

        var response = await RefreshAsync(server, "/api/directline/token/refresh", (string)first["token"]!);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.True(response.Headers.RetryAfter is not null);
    }

    private static async Task<HttpResponseMessage> RefreshAsync(MagBotServer server, string url, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url);
        // Without validation, so a malformed token reaches the service as a browser could send it.
        if (token.Length > 0) request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + token);
        return await server.Client.SendAsync(request);
    }
}
