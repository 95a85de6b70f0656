using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;

namespace MagBot.DirectLine;

/// <summary>
/// Production: exchanges the Direct Line secret for a conversation token at the Direct Line service
/// (<c>POST {BaseUrl}/tokens/generate</c>), so the secret stays on the server. Each token is bound to a new
/// <c>dl_</c> user id (the page cannot speak as anyone else) and to trusted origins (it works only on the
/// clinic's pages and the service's own page).
/// </summary>
public sealed class DirectLineTokenExchange(HttpClient http, IOptions<DirectLineOptions> options, ILogger<DirectLineTokenExchange> logger)
{
    public const string HttpClientName = "DirectLine";

    private sealed record GenerateRequest(
        [property: JsonPropertyName("user")] GenerateUser User,
        [property: JsonPropertyName("trustedOrigins")] IReadOnlyList<string> TrustedOrigins);

    private sealed record GenerateUser([property: JsonPropertyName("id")] string Id);

    private sealed record GenerateResponse(
        [property: JsonPropertyName("conversationId")] string? ConversationId,
        [property: JsonPropertyName("token")] string? Token,
        [property: JsonPropertyName("expires_in")] int ExpiresIn);

    /// <summary>A token for a new session, or null when the Direct Line service refused or could not be reached.</summary>
    public async Task<DirectLineToken?> GenerateAsync(IReadOnlyList<string> trustedOrigins, CancellationToken cancellationToken = default)
    {
        var settings = options.Value;
        var userId = EmbeddedDirectLineStore.NewUserId();
        using var request = new HttpRequestMessage(HttpMethod.Post, settings.BaseUrl.TrimEnd('/') + "/tokens/generate")
        {
            Content = JsonContent.Create(new GenerateRequest(new GenerateUser(userId), trustedOrigins)),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", settings.Secret);
        try
        {
            using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                // The status only: the body of an error may echo the request.
                logger.LogWarning("Direct Line token request refused with {Status}", (int)response.StatusCode);
                return null;
            }
            var body = await response.Content.ReadFromJsonAsync<GenerateResponse>(cancellationToken).ConfigureAwait(false);
            if (string.IsNullOrEmpty(body?.Token) || string.IsNullOrEmpty(body.ConversationId))
            {
                logger.LogWarning("Direct Line answered a token request without a token");
                return null;
            }
            return new DirectLineToken(body.ConversationId, body.Token, body.ExpiresIn, userId);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or System.Text.Json.JsonException or NotSupportedException)
        {
            logger.LogWarning("Direct Line token request failed: {Error}", e.GetType().Name);
            return null;
        }
    }

    /// <summary>
    /// A fresh token for the conversation of a still valid one (<c>POST {BaseUrl}/tokens/refresh</c> with that token), so a
    /// page that was reloaded or lost its network keeps its conversation. <see cref="RefreshResult.Expired"/> when Direct
    /// Line refuses the token (the page then starts a new chat); null when Direct Line could not be reached.
    /// </summary>
    public async Task<RefreshResult?> RefreshAsync(string token, CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, options.Value.BaseUrl.TrimEnd('/') + "/tokens/refresh");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        try
        {
            using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
            if (response.StatusCode is System.Net.HttpStatusCode.Unauthorized or System.Net.HttpStatusCode.Forbidden) return RefreshResult.Expired;
            if (!response.IsSuccessStatusCode)
            {
                logger.LogWarning("Direct Line token refresh refused with {Status}", (int)response.StatusCode);
                return null;
            }
            var body = await response.Content.ReadFromJsonAsync<GenerateResponse>(cancellationToken).ConfigureAwait(false);
            if (string.IsNullOrEmpty(body?.Token) || string.IsNullOrEmpty(body.ConversationId))
            {
                logger.LogWarning("Direct Line answered a token refresh without a token");
                return null;
            }
            return new RefreshResult(new DirectLineToken(body.ConversationId, body.Token, body.ExpiresIn));
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or System.Text.Json.JsonException or NotSupportedException)
        {
            logger.LogWarning("Direct Line token refresh failed: {Error}", e.GetType().Name);
            return null;
        }
    }

    /// <summary>A refreshed token, or <see cref="Expired"/> (no token) when Direct Line no longer accepts the old one.</summary>
    public sealed record RefreshResult(DirectLineToken? Token)
    {
        public static readonly RefreshResult Expired = new((DirectLineToken?)null);
    }
}
