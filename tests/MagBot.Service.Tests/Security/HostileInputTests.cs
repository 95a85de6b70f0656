using System.Net;
using System.Text;
using MagBot.Service.Tests.Support;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace MagBot.Service.Tests.Security;

/// <summary>Broken and hostile requests to /api/messages get a 4xx (as ProblemDetails) or a quiet 200, never a
/// 5xx, and the service keeps answering normal requests after each.</summary>
public sealed class HostileInputTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private const string Loopback = "http://127.0.0.1:9/";

    public static TheoryData<string, string?, byte[], int[]> Bodies()
    {
        static byte[] Utf8(string s) => Encoding.UTF8.GetBytes(s);
        static byte[] Activity(Action<JObject> change)
        {
            var a = JObject.FromObject(Activities.Message("conv-hostile", "hello", Loopback, expectReplies: true));
            change(a);
            return Utf8(a.ToString(Formatting.None));
        }
        var deep = new StringBuilder();
        for (var i = 0; i < 20_000; i++) deep.Append('[');
        var invalidUtf8 = Activity(_ => { }).ToList();
        var at = Encoding.UTF8.GetString([.. invalidUtf8]).IndexOf("hello", StringComparison.Ordinal);
        invalidUtf8.InsertRange(at, new byte[] { 0xC3, 0x28, 0xFF, 0xFE });
        int[] bad = [400];
        return new()
        {
            { "empty body", "application/json", [], bad },
            { "not JSON", "application/json", Utf8("hello bot"), bad },
            { "truncated JSON", "application/json", Utf8("{\"type\":\"message\",\"text\":\"hi"), bad },
            { "JSON null", "application/json", Utf8("null"), bad },
            { "JSON array", "application/json", Utf8("[1,2,3]"), bad },
            { "JSON number", "application/json", Utf8("42"), bad },
            { "empty object", "application/json", Utf8("{}"), bad },
            { "only a type", "application/json", Utf8("{\"type\":\"message\"}"), bad },
            { "no conversation", "application/json", Activity(a => a.Remove("conversation")), bad },
            { "no from", "application/json", Activity(a => a.Remove("from")), bad },
            { "no serviceUrl", "application/json", Activity(a => a.Remove("serviceUrl")), bad },
            { "serviceUrl not http", "application/json", Activity(a => a["serviceUrl"] = "javascript:alert(1)"), bad },
            { "type is a number", "application/json", Activity(a => a["type"] = 5), [200, 400] },
            { "conversation is a string", "application/json", Activity(a => a["conversation"] = "abc"), bad },
            { "from is an array", "application/json", Activity(a => a["from"] = new JArray(1, 2)), bad },
            { "timestamp not a date", "application/json", Activity(a => a["timestamp"] = "yesterday-ish"), bad },
            { "attachments is an object", "application/json", Activity(a => a["attachments"] = new JObject { ["x"] = 1 }), bad },
            { "text is an object", "application/json", Activity(a => a["text"] = new JObject { ["x"] = 1 }), [200, 400] },
            { "number too large", "application/json", Activity(a => a["localTimestamp"] = new JRaw("1e400")), bad },
            { "invoke nobody handles", "application/json", Activity(a => { a["type"] = "invoke"; a["name"] = "composeExtension/query"; a.Remove("deliveryMode"); }), bad },
            { "unknown activity type", "application/json", Activity(a => a["type"] = "launchTheMissiles"), [200] },
            { "deep nesting", "application/json", Utf8("{\"type\":\"message\",\"channelData\":" + deep), bad },
            { "nesting just past the limit", "application/json", Activity(a => a["channelData"] = Nest(70)), bad },
            { "trailing garbage", "application/json", [.. Activity(_ => { }), .. Utf8("}{garbage")], bad },
            { "invalid UTF-8", "application/json", [.. invalidUtf8], bad },
            { "huge body", "application/json", Activity(a => a["text"] = new string('x', 2 * 1024 * 1024)), [413] },
            { "very long conversation id", "application/json", Activity(a => a["conversation"]!["id"] = new string('c', 5000)), bad },
            { "NUL and control characters in text", "application/json", Activity(a => a["text"] = "\u0000\u0001\u001b[31m\u2028"), [200] },
            { "text/plain", "text/plain", Activity(_ => { }), [415] },
            { "form post", "application/x-www-form-urlencoded", Utf8("type=message&text=hi"), [415] },
            { "no content type", null, Activity(_ => { }), [415] },
            { "type names in JSON", "application/json", Activity(a => a["channelData"] = new JObject { ["$type"] = "System.IO.FileInfo, System.IO.FileSystem", ["fileName"] = "/etc/passwd" }), [200] },
        };
    }

    [Theory]
    [MemberData(nameof(Bodies))]
    public async Task A_broken_or_hostile_body_gets_a_clear_4xx_or_a_quiet_200_and_the_service_keeps_answering(string name, string? contentType, byte[] body, int[] allowed)
    {
        var response = await fixture.Server.PostRawAsync(body, contentType);

        var status = (int)response.StatusCode;
        Assert.True(allowed.Contains(status), $"{name}: answered {status}, expected one of {string.Join(", ", allowed)}");
        if (status >= 400)
        {
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            var problem = JObject.Parse(await response.Content.ReadAsStringAsync());
            Assert.False(string.IsNullOrWhiteSpace((string?)problem["detail"]), $"{name}: no reason given");
        }
        var next = await fixture.Server.ExpectRepliesAsync($"conv-after-{name.Replace(' ', '-')}", "help");
        Assert.NotEmpty(next);
    }

    [Theory]
    [InlineData("Bearer")]
    [InlineData("Bearer not.a.jwt")]
    [InlineData("Bearer a b c")]
    [InlineData("Basic Zm9vOmJhcg==")]
    [InlineData("Bearer eyJhbGciOiJub25lIn0.e30.")]
    public async Task A_malformed_Authorization_header_gets_401_not_500(string authorization)
    {
        var body = Encoding.UTF8.GetBytes(JsonConvert.SerializeObject(Activities.Message("conv-bad-auth", "hello", Loopback, expectReplies: true)));
        var response = await fixture.Server.PostRawAsync(body, authorization: authorization);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    private static JToken Nest(int depth)
    {
        JToken token = new JValue(1);
        for (var i = 0; i < depth; i++) token = new JArray(token);
        return token;
    }
}
