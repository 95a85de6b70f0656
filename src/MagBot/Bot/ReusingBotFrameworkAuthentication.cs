using System.Security.Claims;
using Microsoft.Bot.Builder.Skills;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Bot.Schema;

namespace MagBot.Bot;

/// <summary>
/// The SDK's <see cref="BotFrameworkAuthentication"/> (configuration-based: app type, id, password, tenant),
/// unchanged in what it checks, with two costs taken off every turn: the connector factory it returns keeps
/// its clients (<see cref="ConnectorClientPool"/>), and the user-token client is built only when something
/// uses it (<see cref="DeferredUserTokenClient"/>). Profiled under load, building those two clients was a
/// third of MagBot's processor time and two thirds of the SDK echo bot's.
/// </summary>
public sealed class ReusingBotFrameworkAuthentication(BotFrameworkAuthentication inner, ConnectorClientPool pool) : BotFrameworkAuthentication
{
    public override async Task<AuthenticateRequestResult> AuthenticateRequestAsync(Activity activity, string authHeader, CancellationToken cancellationToken)
    {
        var result = await inner.AuthenticateRequestAsync(activity, authHeader, cancellationToken).ConfigureAwait(false);
        return Pooled(result);
    }

    public override async Task<AuthenticateRequestResult> AuthenticateStreamingRequestAsync(string authHeader, string channelIdHeader, CancellationToken cancellationToken)
    {
        var result = await inner.AuthenticateStreamingRequestAsync(authHeader, channelIdHeader, cancellationToken).ConfigureAwait(false);
        return Pooled(result);
    }

    public override ConnectorFactory CreateConnectorFactory(ClaimsIdentity claimsIdentity) =>
        new PooledConnectorFactory(inner.CreateConnectorFactory(claimsIdentity), BotAppId(claimsIdentity), pool);

    public override Task<UserTokenClient> CreateUserTokenClientAsync(ClaimsIdentity claimsIdentity, CancellationToken cancellationToken) =>
        Task.FromResult<UserTokenClient>(new DeferredUserTokenClient(ct => inner.CreateUserTokenClientAsync(claimsIdentity, ct)));

    public override BotFrameworkClient CreateBotFrameworkClient() => inner.CreateBotFrameworkClient();

    public override string GetOriginatingAudience() => inner.GetOriginatingAudience();

    public override Task<ClaimsIdentity> AuthenticateChannelRequestAsync(string authHeader, CancellationToken cancellationToken) =>
        inner.AuthenticateChannelRequestAsync(authHeader, cancellationToken);

    private AuthenticateRequestResult Pooled(AuthenticateRequestResult result)
    {
        if (result.ConnectorFactory is { } factory and not PooledConnectorFactory)
        {
            result.ConnectorFactory = new PooledConnectorFactory(factory, BotAppId(result.ClaimsIdentity), pool);
        }
        return result;
    }

    /// <summary>The bot's own app id, which the SDK's factory builds its credentials for: the audience claim of a
    /// channel's token, the app id claim of the Emulator's, none for an anonymous request.</summary>
    private static string? BotAppId(ClaimsIdentity? identity)
    {
        var claims = identity?.Claims;
        if (claims is null) return null;
        return claims.FirstOrDefault(c => c.Type == AuthenticationConstants.AudienceClaim)?.Value
            ?? claims.FirstOrDefault(c => c.Type == AuthenticationConstants.AppIdClaim)?.Value;
    }
}
