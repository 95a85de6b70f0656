using MagBot.Service.Tests.Support;

namespace MagBot.Service.Tests.Security;

/// <summary>What people tell MagBot is health data: at the default log level the logs hold no message text,
/// medicine names, names, user ids or conversation ids.</summary>
public sealed class LogPrivacyTests
{
    private const string ConversationId = "conv-secret-4711";
    private const string UserId = "user-secret-0815";
    private const string UserName = "Zelda Quartermaine";
    private const string Distinctive = "quokka-marmalade-7731";

    [Fact]
    public async Task A_scripted_conversation_leaves_no_user_data_in_the_logs()
    {
        var logs = new CapturedLogs();
        await using var connector = await ConnectorRecorder.StartAsync();
        // One reply refused once, so the retry path logs too.
        connector.Respond = (_, n) => n == 2 ? new StatusResult(503, retryAfterSeconds: 1) : null;
        // Comments and unanswered questions kept: their text must not reach the logs either.
        var insightsOn = new Dictionary<string, string?> { ["Insights:CollectFeedbackComments"] = "true", ["Insights:KeepUnanswered"] = "true" };
        await using var server = await MagBotServer.StartAsync(insightsOn, configure: logs.Attach);

        string[] script =
        [
            "hello",
            $"my name is {UserName}",
            "I take amlodipine and levothyroxine, and a water pill",
            $"is magnesium glycinate safe with gabapentin? {Distinctive}",
            "I took 800 mg of magnesium citrate",
            $"feedback not helpful, {UserName} wanted {Distinctive}",
            $"zzqx florp {Distinctive} wibble",
            "delete my data",
        ];
        await server.PostActivityAsync(WithName(Activities.UserJoins(ConversationId, connector.ServiceUrl, userId: UserId)));
        foreach (var text in script)
        {
            var response = await server.PostActivityAsync(WithName(Activities.Message(ConversationId, text, connector.ServiceUrl, userId: UserId)));
            Assert.True(response.IsSuccessStatusCode, $"'{text}' answered {(int)response.StatusCode}");
        }
        // The same person, answered inline, then a request the edge refuses.
        await server.ExpectRepliesAsync(ConversationId, $"amlodipine {Distinctive}");
        await server.PostActivityAsync(Activities.Message(ConversationId, Distinctive, "https://reply.invalid/", userId: UserId));
        await connector.WaitForAsync(script.Length);

        Assert.NotEmpty(logs.Lines);
        Assert.Contains(logs.Lines, l => l.Contains("retry", StringComparison.OrdinalIgnoreCase));
        string[] secrets = [ConversationId, UserId, UserName, "Zelda", "Quartermaine", Distinctive, "amlodipine", "levothyroxine", "gabapentin", "glycinate", "water pill", "800 mg"];
        foreach (var secret in secrets)
        {
            var leaks = logs.Lines.Where(l => l.Contains(secret, StringComparison.OrdinalIgnoreCase)).ToList();
            Assert.True(leaks.Count == 0, $"'{secret}' appears in the logs:\n{string.Join("\n", leaks.Take(5))}");
        }
    }

    private static Dictionary<string, object?> WithName(Dictionary<string, object?> activity)
    {
        activity["from"] = new { id = UserId, name = UserName, role = "user" };
        return activity;
    }
}
