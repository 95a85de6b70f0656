using MagBot.Bot;
using MagBot.Service.Tests.Support;
using Microsoft.AspNetCore.Http;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace MagBot.Service.Tests.Bot;

/// <summary>The reply body MagBot writes is the same JSON the SDK's HttpHelper writes, only without indentation,
/// and says its length.</summary>
public sealed class InvokeResponseWriterTests
{
    [Fact]
    public async Task Real_replies_are_written_as_the_same_JSON_the_SDK_writes_with_their_length()
    {
        // Replies of real turns: welcome buttons, markdown, sources, cards on Teams.
        await using var server = await MagBotServer.StartAsync();
        var activities = new List<Activity>();
        foreach (var text in new[] { "help", "what foods have magnesium", "I take amlodipine", "yes", "how much magnesium should I take" })
        {
            var replies = await server.ExpectRepliesAsync("writer-conv", text);
            activities.AddRange(replies.Select(r => r.ToObject<Activity>()!));
        }
        var teamsCard = MessageFactory.Attachment(new HeroCard("Title", text: "Body \"quoted\" ✓", buttons: [new CardAction(ActionTypes.ImBack, "Yes", value: "yes")]).ToAttachment());
        teamsCard.Entities = [new Entity("mention") { Properties = JObject.Parse("""{"text":"<at>x</at>"}""") }];
        teamsCard.ChannelData = JObject.Parse("""{"notification":{"alert":true}}""");
        activities.Add((Activity)teamsCard);
        Assert.True(activities.Count > 6);

        var invoke = new InvokeResponse { Status = 200, Body = new ExpectedReplies(activities) };
        var (sdkBody, _) = await WriteAsync(r => HttpHelper.WriteResponseAsync(r, invoke));
        var (ours, response) = await WriteAsync(r => InvokeResponseWriter.WriteAsync(r, invoke));

        Assert.True(JToken.DeepEquals(JToken.Parse(sdkBody), JToken.Parse(ours)), "Bodies differ:\n" + sdkBody + "\n---\n" + ours);
        Assert.Equal(System.Text.Encoding.UTF8.GetByteCount(ours), response.ContentLength);
        Assert.True(ours.Length < sdkBody.Length, "Not smaller than the indented body");
        Assert.StartsWith("application/json", response.ContentType);
    }

    [Fact]
    public async Task A_long_reply_with_characters_outside_the_basic_plane_is_written_whole_and_the_buffer_is_reused()
    {
        // Long enough to span several chunks of the writer's buffer, with emoji (surrogate pairs) throughout.
        var text = string.Concat(Enumerable.Repeat("Magnesium 💊 and migraine 🧠 — ", 2_000));
        var invoke = new InvokeResponse { Status = 200, Body = new ExpectedReplies([MessageFactory.Text(text) as Activity]) };

        for (var i = 0; i < 2; i++)
        {
            var (body, response) = await WriteAsync(r => InvokeResponseWriter.WriteAsync(r, invoke));
            Assert.Equal(text, (string?)JObject.Parse(body)["activities"]![0]!["text"]);
            Assert.Equal(System.Text.Encoding.UTF8.GetByteCount(body), response.ContentLength);
        }
        var (small, _) = await WriteAsync(r => InvokeResponseWriter.WriteAsync(r, new InvokeResponse { Status = 200, Body = new Dictionary<string, object> { ["ok"] = true } }));
        Assert.Equal("{\"ok\":true}", small);
    }

    [Theory]
    [InlineData(200)]
    [InlineData(404)]
    public async Task A_response_without_a_body_sets_only_the_status(int status)
    {
        var (body, response) = await WriteAsync(r => InvokeResponseWriter.WriteAsync(r, new InvokeResponse { Status = status }));
        Assert.Equal(status, response.StatusCode);
        Assert.Equal(string.Empty, body);
    }

    private static async Task<(string Body, HttpResponse Response)> WriteAsync(Func<HttpResponse, Task> write)
    {
        var context = new DefaultHttpContext();
        var stream = new MemoryStream();
        context.Response.Body = stream;
        await write(context.Response);
        return (System.Text.Encoding.UTF8.GetString(stream.ToArray()), context.Response);
    }
}
