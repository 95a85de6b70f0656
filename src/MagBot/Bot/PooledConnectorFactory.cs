using Microsoft.Bot.Connector;
using Microsoft.Bot.Connector.Authentication;

namespace MagBot.Bot;

/// <summary>The SDK's connector factory for one app id, with its clients kept in a <see cref="ConnectorClientPool"/>.</summary>
internal sealed class PooledConnectorFactory(ConnectorFactory inner, string? appId, ConnectorClientPool pool) : ConnectorFactory
{
    public override Task<IConnectorClient> CreateAsync(string serviceUrl, string audience, CancellationToken cancellationToken = default) =>
        pool.GetAsync(inner, appId, serviceUrl, audience, cancellationToken);
}
