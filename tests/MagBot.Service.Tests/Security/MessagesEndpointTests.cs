using System.Net;
using MagBot.Service.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace MagBot.Service.Tests.Security;

/// <summary>The service over real HTTP on loopback, both ways replies travel.</summary>
public sealed class MessagesEndpointTests
{
    [Fact]
    public async Task Healthz_answers_ok()
    {
        await using var server = await MagBotServer.StartAsync();
        var response = await server.Client.GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("ok", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Expect_replies_returns_the_replies_inline()
    {
        await using var server = await MagBotServer.StartAsync();
        var replies = await server.ExpectRepliesAsync("conv-inline", "help");
        Assert.NotEmpty(replies);
        Assert.Contains(replies, r => ((string?)r["text"] ?? "").Contains("cancel", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Normal_delivery_posts_replies_to_the_service_url_as_the_Emulator_expects()
    {
        await using var connector = await ConnectorRecorder.StartAsync();
        await using var server = await MagBotServer.StartAsync();

        var join = await server.PostActivityAsync(Activities.UserJoins("conv-emulator", connector.ServiceUrl));
        Assert.True(join.IsSuccessStatusCode, $"conversationUpdate answered {(int)join.StatusCode}");
        var calls = await connector.WaitForAsync(3);

        Assert.All(calls, c => Assert.Equal("conv-emulator", c.ConversationId));
        var text = string.Join("\n", calls.Select(c => (string?)c.Activity["text"]));
        Assert.Contains("not a substitute for medical advice", text);
        var buttons = calls.SelectMany(c => c.Activity["suggestedActions"]?["actions"]?.Select(a => (string?)a["title"]) ?? []).ToList();
        Assert.Contains("Check my medications", buttons);
        Assert.Contains("Magnesium and fibromyalgia", buttons);
    }

    [Fact]
    public async Task Replies_to_a_message_name_the_message_they_answer()
    {
        await using var connector = await ConnectorRecorder.StartAsync();
        await using var server = await MagBotServer.StartAsync();
        var message = Activities.Message("conv-reply", "help", connector.ServiceUrl);
        var response = await server.PostActivityAsync(message);
        Assert.True(response.IsSuccessStatusCode);
        var calls = await connector.WaitForAsync(1);
        // A slow first turn may send a typing indicator (ShowTypingMiddleware) before the reply.
        while (!calls.Any(c => (string?)c.Activity["type"] == "message")) calls = await connector.WaitForAsync(calls.Count + 1);
        var reply = calls.First(c => (string?)c.Activity["type"] == "message");
        Assert.Equal((string)message["id"]!, reply.ReplyToId);
    }

    [Fact]
    public async Task A_failed_turn_apologises_and_the_next_message_works()
    {
        await using var server = await MagBotServer.StartAsync(configure: b =>
            b.Services.AddSingleton<MagBot.Dialogs.Understanding.IIntentRecognizer>(new ThrowingOnceRecognizer()));
        var first = await server.ExpectRepliesAsync("conv-error", "boom");
        Assert.Contains(first, r => ((string?)r["text"] ?? "").Contains("something went wrong", StringComparison.OrdinalIgnoreCase));
        var second = await server.ExpectRepliesAsync("conv-error", "help");
        Assert.Contains(second, r => ((string?)r["text"] ?? "").Contains("cancel", StringComparison.OrdinalIgnoreCase));
    }

    private sealed class ThrowingOnceRecognizer : MagBot.Dialogs.Understanding.IIntentRecognizer
    {
        private int _calls;
        private readonly MagBot.Dialogs.Understanding.KeywordIntentRecognizer _inner = new();

        public MagBot.Dialogs.Understanding.IntentResult Recognize(string? text) =>
            Interlocked.Increment(ref _calls) == 1 ? throw new InvalidOperationException("simulated failure") : _inner.Recognize(text);
    }
}
