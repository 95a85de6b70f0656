using System.Text.Json.Serialization;

namespace MagBot.DirectLine;

/// <summary>A Direct Line token as the Direct Line 3.0 API returns it (tokens/generate, tokens/refresh, conversations).
/// <see cref="UserId"/> is MagBot's addition: the page passes it to Web Chat as the user's id.</summary>
public sealed record DirectLineToken(
    [property: JsonPropertyName("conversationId")] string ConversationId,
    [property: JsonPropertyName("token")] string Token,
    [property: JsonPropertyName("expires_in")] int ExpiresIn,
    [property: JsonPropertyName("userId")] string? UserId = null);
