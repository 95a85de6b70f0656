using System.Net;
using System.Text;
using MagBot.Dialogs.Understanding;
using MagBot.Service.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;

namespace MagBot.Service.Tests.WebChat;

/// <summary>The embedded Direct Line endpoint (no DirectLine:Secret): the Direct Line 3.0 subset Web Chat uses, over real HTTP.</summary>
public sealed class EmbeddedDirectLineTests
{
    [Fact]
    public async Task Token_endpoints_are_limited_per_browser_address_but_polling_is_not()
    {
        await using var server = await MagBotServer.StartAsync(new Dictionary<string, string?> { ["MagBot:Limits:BrowserRequestsPerMinute"] = "3" });
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++) statuses.Add((await server.Client.PostAsync("/api/directline/token", null)).StatusCode);
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);

        // A page that already holds a token keeps polling well past the browser limit.
        await using var other = await MagBotServer.StartAsync(new Dictionary<string, string?> { ["MagBot:Limits:BrowserRequestsPerMinute"] = "3" });
        var client = new DirectLineClient(other.Client);
        await client.StartAsync();
        for (var i = 0; i < 6; i++) await client.PollAsync();
    }

    [Fact]
    public async Task Join_event_gets_the_welcome_once_and_polling_returns_only_new_activities()
    {
        await using var server = await MagBotServer.StartAsync();
        var client = new DirectLineClient(server.Client);
        await client.StartAsync();

        Assert.StartsWith("dl_", client.UserId);
        (await client.PostActivityAsync(new { type = "event", name = "webchat/join" })).EnsureSuccessStatusCode();
        var first = await client.PollAsync();
        Assert.Single(Bot(first), a => ((string?)a["text"] ?? "").Contains("not a substitute for medical advice"));
        Assert.Contains(Bot(first), a => a["suggestedActions"]?["actions"]?.Any() == true);

        (await client.PostActivityAsync(new { type = "event", name = "webchat/join" })).EnsureSuccessStatusCode();
        var second = await client.PollAsync();
        Assert.Empty(Bot(second));
        Assert.DoesNotContain(second, a => first.Any(f => (string?)f["id"] == (string?)a["id"]));
    }

    [Fact]
    public async Task A_message_is_echoed_with_the_client_activity_id_as_sent_by_the_token_user_and_answered()
    {
        await using var server = await MagBotServer.StartAsync();
        var client = new DirectLineClient(server.Client);
        await client.StartAsync();

        var posted = await client.PostActivityAsync(new { type = "message", text = "help", from = new { id = "impostor" }, channelData = new { clientActivityID = "client-42" } });
        posted.EnsureSuccessStatusCode();
        var id = (string)JObject.Parse(await posted.Content.ReadAsStringAsync())["id"]!;
        var activities = await client.PollAsync();

        var echo = Assert.Single(activities, a => (string?)a["id"] == id);
        Assert.Equal("client-42", (string?)echo["channelData"]?["clientActivityID"]);
        Assert.Equal(client.UserId, (string?)echo["from"]?["id"]);
        var replies = Bot(activities).Where(a => (string?)a["replyToId"] == id).ToList();
        Assert.Contains(replies, r => ((string?)r["text"] ?? "").Contains("cancel"));
        Assert.All(replies, r => Assert.Equal(client.UserId, (string?)r["recipient"]?["id"]));
    }

    [Fact]
    public async Task A_slow_turn_shows_a_typing_indicator_before_the_reply()
    {
        await using var server = await MagBotServer.StartAsync(configure: b =>
            b.Services.AddSingleton<IIntentRecognizer>(new SlowRecognizer(TimeSpan.FromMilliseconds(1500))));
        var client = new DirectLineClient(server.Client);
        await client.StartAsync();

        (await client.PostMessageAsync("help")).EnsureSuccessStatusCode();
        var types = (await client.PollAsync()).Where(a => (string?)a["from"]?["role"] == "bot").Select(a => (string?)a["type"]).ToList();

        var typing = types.IndexOf("typing");
        Assert.True(typing >= 0, "no typing activity: " + string.Join(",", types));
        Assert.True(typing < types.IndexOf("message"), "typing came after the reply: " + string.Join(",", types));
    }

    [Fact]
    public async Task A_refreshed_token_opens_the_same_conversation()
    {
        await using var server = await MagBotServer.StartAsync();
        var client = new DirectLineClient(server.Client);
        await client.StartAsync();

        var refreshed = JObject.Parse(await (await client.SendAsync(HttpMethod.Post, "/v3/directline/tokens/refresh")).EnsureSuccessStatusCode().Content.ReadAsStringAsync());
        Assert.Equal(client.ConversationId, (string?)refreshed["conversationId"]);
        Assert.NotEqual(client.Token, (string?)refreshed["token"]);
        client.Token = (string)refreshed["token"]!;
        (await client.PostMessageAsync("help")).EnsureSuccessStatusCode();
        Assert.NotEmpty(Bot(await client.PollAsync()));
    }

    [Fact]
    public async Task A_reloaded_page_resumes_with_the_whole_history_and_no_second_welcome()
    {
        await using var server = await MagBotServer.StartAsync();
        var before = new DirectLineClient(server.Client);
        await before.StartAsync();
        (await before.PostActivityAsync(new { type = "event", name = "webchat/join" })).EnsureSuccessStatusCode();
        (await before.PostMessageAsync("help")).EnsureSuccessStatusCode();
        var seen = await before.PollAsync();
        var refreshed = JObject.Parse(await (await before.SendAsync(HttpMethod.Post, "/v3/directline/tokens/refresh")).EnsureSuccessStatusCode().Content.ReadAsStringAsync());

        // The reloaded page: a new client with what sessionStorage kept (conversation id and the refreshed token).
        var after = new DirectLineClient(server.Client);
        var resumed = await after.ResumeAsync(before.ConversationId, (string)refreshed["token"]!);
        Assert.Equal(HttpStatusCode.OK, resumed.StatusCode);
        Assert.Equal(before.ConversationId, (string?)JObject.Parse(await resumed.Content.ReadAsStringAsync())["conversationId"]);
        (await after.PostActivityAsync(new { type = "event", name = "webchat/join" })).EnsureSuccessStatusCode();
        var history = await after.PollAsync();

        Assert.Equal(seen.Select(a => (string?)a["id"]), history.Take(seen.Count).Select(a => (string?)a["id"]));
        Assert.Single(Bot(history), a => ((string?)a["text"] ?? "").Contains("not a substitute for medical advice"));
        (await after.PostMessageAsync("cancel")).EnsureSuccessStatusCode();
        Assert.NotEmpty(Bot(await after.PollAsync()));
    }

    [Fact]
    public async Task A_stored_token_for_a_forgotten_conversation_is_refused_so_the_page_starts_fresh()
    {
        await using var server = await MagBotServer.StartAsync();
        var client = new DirectLineClient(server.Client);
        await client.StartAsync();

        var resumed = await new DirectLineClient(server.Client).ResumeAsync(client.ConversationId, "token-from-before-a-restart");

        Assert.Equal(HttpStatusCode.Forbidden, resumed.StatusCode);
    }

    public static TheoryData<string, string, string, HttpStatusCode> BadRequests => new()
    {
        { "no token", "", """{"type":"message","text":"hi"}""", HttpStatusCode.Forbidden },
        { "made-up token", "not-a-token", """{"type":"message","text":"hi"}""", HttpStatusCode.Forbidden },
        { "not JSON", "valid", "{type: message", HttpStatusCode.BadRequest },
        { "JSON array", "valid", "[1,2]", HttpStatusCode.BadRequest },
        { "conversationUpdate from a page", "valid", """{"type":"conversationUpdate"}""", HttpStatusCode.BadRequest },
        { "no type", "valid", """{"text":"hi"}""", HttpStatusCode.BadRequest },
        { "larger than 64 KB", "valid", "{\"type\":\"message\",\"text\":\"" + new string('a', 70_000) + "\"}", HttpStatusCode.RequestEntityTooLarge },
    };

    [Theory]
    [MemberData(nameof(BadRequests))]
    public async Task Bad_posts_get_a_clear_4xx_and_the_conversation_goes_on(string why, string token, string body, HttpStatusCode expected)
    {
        await using var server = await MagBotServer.StartAsync();
        var client = new DirectLineClient(server.Client);
        await client.StartAsync();
        var valid = client.Token;
        client.Token = token == "valid" ? valid : token;

        var response = await client.SendAsync(HttpMethod.Post, $"/v3/directline/conversations/{client.ConversationId}/activities", new StringContent(body, Encoding.UTF8, "application/json"));
        Assert.True(expected == response.StatusCode, $"{why}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);

        client.Token = valid;
        (await client.PostMessageAsync("help")).EnsureSuccessStatusCode();
        Assert.NotEmpty(Bot(await client.PollAsync()));
    }

    [Fact]
    public async Task A_token_opens_only_its_own_conversation()
    {
        await using var server = await MagBotServer.StartAsync();
        var alice = new DirectLineClient(server.Client);
        var bob = new DirectLineClient(server.Client);
        await alice.StartAsync();
        await bob.StartAsync();

        Assert.Equal(HttpStatusCode.Forbidden, (await bob.PostActivityAsync(new { type = "message", text = "hi" }, alice.ConversationId)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await bob.SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{alice.ConversationId}/activities")).StatusCode);
    }

    [Fact]
    public async Task Past_the_conversation_limit_a_new_chat_is_refused_with_429()
    {
        await using var server = await MagBotServer.StartAsync(new Dictionary<string, string?> { ["DirectLine:MaxConversations"] = "2" });
        Assert.True((await server.Client.PostAsync("/api/directline/token", null)).IsSuccessStatusCode);
        Assert.True((await server.Client.PostAsync("/api/directline/token", null)).IsSuccessStatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await server.Client.PostAsync("/api/directline/token", null)).StatusCode);
    }

    private static List<JObject> Bot(IEnumerable<JObject> activities) =>
        [.. activities.Where(a => (string?)a["from"]?["role"] == "bot" && (string?)a["type"] == "message")];

    private sealed class SlowRecognizer(TimeSpan delay) : IIntentRecognizer
    {
        private readonly KeywordIntentRecognizer _inner = new();

        public IntentResult Recognize(string? text)
        {
            Thread.Sleep(delay);
            return _inner.Recognize(text);
        }
    }
}
