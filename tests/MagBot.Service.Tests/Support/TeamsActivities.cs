namespace MagBot.Service.Tests.Support;

/// <summary>Activities shaped as Microsoft Teams sends them in personal chat: 29:/28: ids, tenant in channelData, conversationType personal.</summary>
public static class TeamsActivities
{
    public const string TenantId = "72f988bf-86f1-41af-91ab-2d7cd011db47";
    public const string BotId = "28:3f2504e0-4f89-11d3-9a0c-0305e82c3301";

    public static Dictionary<string, object?> Message(string conversationId, string text, string serviceUrl, bool expectReplies = false)
    {
        var activity = Base("message", conversationId, serviceUrl);
        activity["text"] = text;
        activity["textFormat"] = "plain";
        activity["deliveryMode"] = expectReplies ? "expectReplies" : null;
        return activity;
    }

    public static Dictionary<string, object?> InstallationAdd(string conversationId, string serviceUrl)
    {
        var activity = Base("installationUpdate", conversationId, serviceUrl);
        activity["action"] = "add";
        return activity;
    }

    public static Dictionary<string, object?> BotAdded(string conversationId, string serviceUrl)
    {
        var activity = Base("conversationUpdate", conversationId, serviceUrl);
        activity["membersAdded"] = new object[] { new { id = BotId } };
        return activity;
    }

    private static Dictionary<string, object?> Base(string type, string conversationId, string serviceUrl) => new()
    {
        ["type"] = type,
        ["id"] = "1:" + Guid.NewGuid().ToString("N"),
        ["timestamp"] = DateTimeOffset.UtcNow.ToString("o"),
        ["channelId"] = "msteams",
        ["serviceUrl"] = serviceUrl,
        ["from"] = new { id = "29:1a2b3c-user", name = "Alex Doe", aadObjectId = "0d3c6f1e-5b0a-4b6e-9c55-1f2e3d4c5b6a" },
        ["conversation"] = new { id = conversationId, conversationType = "personal", tenantId = TenantId },
        ["recipient"] = new { id = BotId, name = "MagBot" },
        ["channelData"] = new { tenant = new { id = TenantId } },
        ["locale"] = "en-US",
    };
}
