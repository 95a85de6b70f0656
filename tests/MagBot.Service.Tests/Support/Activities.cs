namespace MagBot.Service.Tests.Support;

/// <summary>Activities shaped as the Emulator, Direct Line and Teams send them (plain JSON objects, so tests
/// control every field, including broken ones).</summary>
public static class Activities
{
    public static Dictionary<string, object?> Message(string conversationId, string text, string serviceUrl, bool expectReplies = false, string channelId = "emulator", string userId = "user-1") => new()
    {
        ["type"] = "message",
        ["id"] = Guid.NewGuid().ToString("N"),
        ["timestamp"] = DateTimeOffset.UtcNow.ToString("o"),
        ["channelId"] = channelId,
        ["serviceUrl"] = serviceUrl,
        ["from"] = new { id = userId, name = "User", role = "user" },
        ["conversation"] = new { id = conversationId },
        ["recipient"] = new { id = "magbot", name = "MagBot", role = "bot" },
        ["text"] = text,
        ["locale"] = "en-US",
        ["deliveryMode"] = expectReplies ? "expectReplies" : null,
    };

    public static Dictionary<string, object?> UserJoins(string conversationId, string serviceUrl, string channelId = "emulator", string userId = "user-1") => new()
    {
        ["type"] = "conversationUpdate",
        ["id"] = Guid.NewGuid().ToString("N"),
        ["channelId"] = channelId,
        ["serviceUrl"] = serviceUrl,
        ["from"] = new { id = userId, role = "user" },
        ["conversation"] = new { id = conversationId },
        ["recipient"] = new { id = "magbot", name = "MagBot", role = "bot" },
        ["membersAdded"] = new object[] { new { id = userId, name = "User" }, new { id = "magbot", name = "MagBot" } },
    };
}
