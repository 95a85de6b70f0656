using System.Text.Json.Serialization;

namespace MagBot.WebChat;

/// <summary>
/// What the web chat page reads from <c>GET /api/webchat/config</c>: how to connect and how to look.
/// Public by design: it never holds a secret.
/// </summary>
public sealed record WebChatConfig(
    [property: JsonPropertyName("mode")] string Mode,
    [property: JsonPropertyName("tokenUrl")] string TokenUrl,
    [property: JsonPropertyName("refreshUrl")] string RefreshUrl,
    [property: JsonPropertyName("directLineDomain")] string? DirectLineDomain,
    [property: JsonPropertyName("clinic")] WebChatBranding Clinic)
{
    /// <summary>The service's own Direct Line endpoint (no Azure account).</summary>
    public const string EmbeddedMode = "embedded";

    /// <summary>Azure's Direct Line service, with a token the service exchanged for its secret.</summary>
    public const string DirectLineMode = "directline";
}

/// <summary>The clinic as the page shows it (from the <c>Clinic</c> configuration section).</summary>
public sealed record WebChatBranding(
    [property: JsonPropertyName("name")] string? Name,
    [property: JsonPropertyName("accentColor")] string AccentColor,
    [property: JsonPropertyName("avatarInitials")] string AvatarInitials,
    [property: JsonPropertyName("welcomeLine")] string? WelcomeLine,
    [property: JsonPropertyName("emergencyNumber")] string EmergencyNumber,
    [property: JsonPropertyName("phone")] string? Phone,
    [property: JsonPropertyName("email")] string? Email,
    [property: JsonPropertyName("bookingUrl")] string? BookingUrl,
    [property: JsonPropertyName("address")] string? Address);
