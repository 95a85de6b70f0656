namespace MagBot.DirectLine;

/// <summary>
/// The Direct Line token of an <c>Authorization: Bearer …</c> header. Tokens are opaque text of URL-safe characters
/// (Azure's are JWTs, the embedded endpoint's base64url); anything else is no token, so nothing odd is forwarded to
/// Direct Line in a header of ours.
/// </summary>
public static class BearerHeader
{
    public const int MaxTokenLength = 4096;

    public static string? TokenOf(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) return null;
        var token = header["Bearer ".Length..].Trim();
        return token.Length is > 0 and <= MaxTokenLength && token.All(IsTokenChar) ? token : null;
    }

    private static bool IsTokenChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '~' or '+' or '/' or '=';
}
