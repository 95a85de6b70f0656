using System.Net;
using MagBot.Security;
using MagBot.Service.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace MagBot.Service.Tests.Security;

/// <summary>Security headers on every answer, framing only by the configured clinic origins, and the per-address
/// "browser" rate limit policy that browser-facing endpoints attach.</summary>
public sealed class SecurityHeadersTests
{
    [Theory]
    [InlineData("GET", "/healthz")]
    [InlineData("POST", "/api/messages")]
    [InlineData("GET", "/no-such-page")]
    public async Task Every_answer_carries_the_security_headers(string method, string path)
    {
        await using var server = await MagBotServer.StartAsync();
        var response = await server.Client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));

        var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self';", csp);
        Assert.DoesNotContain("unsafe-eval", csp);
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("strict-origin-when-cross-origin", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
        Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
    }

    [Fact]
    public async Task Configured_clinic_origins_and_only_they_may_frame_the_page()
    {
        await using var server = await MagBotServer.StartAsync(new Dictionary<string, string?>
        {
            ["MagBot:ClinicOrigins:0"] = "https://clinic.example",
            ["MagBot:ClinicOrigins:1"] = "https://www.pain-centre.example:8443",
            ["MagBot:ConnectSources:0"] = "wss://directline.botframework.com",
        });
        var response = await server.Client.GetAsync("/healthz");

        var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("frame-ancestors https://clinic.example https://www.pain-centre.example:8443", csp);
        Assert.Contains("connect-src 'self' wss://directline.botframework.com", csp);
        Assert.False(response.Headers.Contains("X-Frame-Options"), "X-Frame-Options DENY would forbid the clinics too");
    }

    [Theory]
    [InlineData("https://clinic.example; script-src *")]
    [InlineData("https://clinic.example/page")]
    [InlineData("*")]
    [InlineData("clinic.example")]
    public async Task A_clinic_origin_that_is_not_an_origin_stops_the_start_naming_the_key(string origin)
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(() => MagBotServer.StartAsync(new Dictionary<string, string?> { ["MagBot:ClinicOrigins:0"] = origin }));
        Assert.Contains("MagBot:ClinicOrigins", error.Message);
    }

    [Fact]
    public async Task The_browser_policy_limits_one_client_address_and_answers_429_with_Retry_After()
    {
        await using var server = await MagBotServer.StartAsync(
            new Dictionary<string, string?> { ["MagBot:Limits:BrowserRequestsPerMinute"] = "3" },
            map: app => app.MapGet("/test/browser", () => "ok").RequireRateLimiting(BrowserRateLimit.PolicyName));

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++) statuses.Add((await server.Client.GetAsync("/test/browser")).StatusCode);
        var limited = await server.Client.GetAsync("/test/browser");

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
        Assert.NotNull(limited.Headers.RetryAfter);
        Assert.Equal("application/problem+json", limited.Content.Headers.ContentType?.MediaType);
        // /api/messages is not limited per address: the same client still talks to the bot.
        Assert.NotEmpty(await server.ExpectRepliesAsync("conv-browser-limited", "help"));
    }
}
