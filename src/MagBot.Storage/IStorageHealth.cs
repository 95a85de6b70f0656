namespace MagBot.Storage;

/// <summary>Whether the state store answers now; <c>/healthz</c> reports it so a load balancer (App Service
/// health check) and operators see a Redis outage.</summary>
public interface IStorageHealth
{
    /// <summary>The provider's name as configured (<c>Memory</c> or <c>Redis</c>).</summary>
    string Provider { get; }

    /// <summary>True when the store answered within its timeout. Never throws.</summary>
    Task<bool> IsAvailableAsync(CancellationToken cancellationToken = default);
}
