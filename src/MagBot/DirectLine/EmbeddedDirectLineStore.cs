using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace MagBot.DirectLine;

/// <summary>
/// The embedded Direct Line's memory: conversations and the tokens that open them. Tokens are random and
/// opaque (not JWTs), each bound to one conversation and one <c>dl_</c> user id, like Direct Line tokens
/// generated with a user id. Memory is bounded: idle conversations and expired tokens are swept, and past
/// <see cref="DirectLineOptions.MaxConversations"/> a new conversation is refused.
/// </summary>
public sealed class EmbeddedDirectLineStore(IOptions<DirectLineOptions> options, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, EmbeddedConversation> _conversations = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, TokenGrant> _tokens = new(StringComparer.Ordinal);
    private readonly DirectLineOptions _options = options.Value;

    private sealed record TokenGrant(string ConversationId, DateTimeOffset ExpiresAt);

    /// <summary>Starts a conversation for a new user and returns its first token; null when the store is full.</summary>
    public DirectLineToken? StartConversation()
    {
        var now = time.GetUtcNow();
        Sweep(now);
        if (_conversations.Count >= _options.MaxConversations) return null;
        var conversation = new EmbeddedConversation(NewId(), NewUserId(), _options.MaxActivitiesPerConversation, now);
        _conversations[conversation.Id] = conversation;
        return Issue(conversation, now);
    }

    /// <summary>A new token for the conversation of a still valid one (Direct Line's tokens/refresh).</summary>
    public DirectLineToken? Refresh(string? token)
    {
        var conversation = Find(token);
        return conversation is null ? null : Issue(conversation, time.GetUtcNow());
    }

    /// <summary>The conversation a valid token opens, or null for an unknown or expired token.</summary>
    public EmbeddedConversation? Find(string? token)
    {
        if (string.IsNullOrEmpty(token) || !_tokens.TryGetValue(token, out var grant)) return null;
        var now = time.GetUtcNow();
        if (grant.ExpiresAt <= now)
        {
            _tokens.TryRemove(token, out _);
            return null;
        }
        if (!_conversations.TryGetValue(grant.ConversationId, out var conversation)) return null;
        conversation.Touch(now);
        return conversation;
    }

    /// <summary>A conversation by id (for the adapter, which already holds a validated turn).</summary>
    public EmbeddedConversation? TryGet(string? conversationId) =>
        conversationId is not null && _conversations.TryGetValue(conversationId, out var conversation) ? conversation : null;

    public DirectLineToken TokenFor(EmbeddedConversation conversation, string token)
    {
        var left = _tokens.TryGetValue(token, out var grant) ? grant.ExpiresAt - time.GetUtcNow() : TimeSpan.Zero;
        return new DirectLineToken(conversation.Id, token, (int)Math.Max(0, left.TotalSeconds), conversation.UserId);
    }

    public int ConversationCount => _conversations.Count;

    public int TokenCount => _tokens.Count;

    private DirectLineToken Issue(EmbeddedConversation conversation, DateTimeOffset now)
    {
        var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        _tokens[token] = new TokenGrant(conversation.Id, now + _options.TokenLifetime);
        return new DirectLineToken(conversation.Id, token, (int)_options.TokenLifetime.TotalSeconds, conversation.UserId);
    }

    private void Sweep(DateTimeOffset now)
    {
        foreach (var (id, conversation) in _conversations)
        {
            if (now - conversation.LastUsed > _options.ConversationIdleTimeout) _conversations.TryRemove(id, out _);
        }
        foreach (var (token, grant) in _tokens)
        {
            if (grant.ExpiresAt <= now || !_conversations.ContainsKey(grant.ConversationId)) _tokens.TryRemove(token, out _);
        }
    }

    private static string NewId() => Convert.ToHexString(RandomNumberGenerator.GetBytes(12)).ToLowerInvariant();

    /// <summary>Direct Line requires user ids of tokens it generates to start with <c>dl_</c>; the embedded endpoint does the same.</summary>
    public static string NewUserId() => "dl_" + Convert.ToHexString(RandomNumberGenerator.GetBytes(12)).ToLowerInvariant();
}
