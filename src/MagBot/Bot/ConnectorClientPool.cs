using System.Collections.Concurrent;
using Microsoft.Bot.Connector;
using Microsoft.Bot.Connector.Authentication;

namespace MagBot.Bot;

/// <summary>
/// Keeps the connector clients the SDK would otherwise build for every turn. <c>CloudAdapter</c> asks its
/// connector factory for a new <see cref="ConnectorClient"/> on each activity, and building one costs more
/// than a whole MagBot turn (Microsoft.Rest parses a set of regular expressions to build its user agent):
/// a third of the service's processor time under load. The SDK's older <c>BotFrameworkAdapter</c> kept one
/// client per reply address and app id for the same reason; this does the same for <c>CloudAdapter</c>.
/// A client is kept for <see cref="Lifetime"/>, so the HttpClient it holds follows the HttpClientFactory's
/// handler rotation (DNS changes), and at most <see cref="MaxClients"/> are kept; past that, a turn gets a
/// client of its own, as it would without the pool.
/// </summary>
public sealed class ConnectorClientPool(TimeProvider time)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);
    public const int MaxClients = 256;

    private readonly ConcurrentDictionary<(string? AppId, string ServiceUrl, string? Audience), Entry> _clients = new();
    private long _built;

    /// <summary>How many clients the pool has asked the SDK's factory to build (for tests and diagnostics).</summary>
    public long ClientsBuilt => Interlocked.Read(ref _built);

    /// <summary>Clients kept now (at most <see cref="MaxClients"/>).</summary>
    public int Count => _clients.Count;

    /// <summary>A client for <paramref name="serviceUrl"/>: a kept one when there is one still fresh, otherwise one
    /// built by <paramref name="factory"/>. Disposing the returned client never disposes a kept one.</summary>
    public async Task<IConnectorClient> GetAsync(ConnectorFactory factory, string? appId, string serviceUrl, string? audience, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(factory);
        ArgumentNullException.ThrowIfNull(serviceUrl);
        var key = (appId, serviceUrl, audience);
        var now = time.GetUtcNow();
        if (_clients.TryGetValue(key, out var kept) && now - kept.Built < Lifetime) return kept.Shared;

        var client = await factory.CreateAsync(serviceUrl, audience, cancellationToken).ConfigureAwait(false);
        Interlocked.Increment(ref _built);
        if (_clients.Count >= MaxClients && !_clients.ContainsKey(key))
        {
            Sweep(now);
            if (_clients.Count >= MaxClients) return client; // not kept: the turn disposes it, as the SDK would
        }
        // A replaced client is not disposed: a turn may still be using it, and the SDK builds its clients on an
        // HttpClient from the factory (which it never disposes), so there is nothing of its own to release.
        var entry = new Entry(new SharedConnectorClient(client), now);
        _clients[key] = entry;
        return entry.Shared;
    }

    private void Sweep(DateTimeOffset now)
    {
        foreach (var (key, entry) in _clients)
        {
            if (now - entry.Built >= Lifetime) _clients.TryRemove(KeyValuePair.Create(key, entry));
        }
    }

    private sealed record Entry(SharedConnectorClient Shared, DateTimeOffset Built);
}
