using MagBot.Storage;
using Microsoft.Extensions.Options;

namespace MagBot.Extensions;

/// <summary><c>GET /healthz</c>: 200 <c>{status:"ok", storage:"ok"}</c> while state can be stored, 503
/// <c>{status:"degraded", storage:"unavailable"}</c> while it cannot (Redis down), so App Service's health
/// check takes a broken instance out of rotation and operators see why. The embedded store adds its items, stored
/// bytes, budget and eviction count; with <c>MagBot:MemoryDiagnostics</c>, where the process's memory is
/// (<see cref="MemoryReadout"/>).</summary>
public static class StorageHealthEndpoint
{
    /// <summary>A health probe must answer fast even when Redis hangs; the store's own timeout may be longer.</summary>
    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(2);

    public static async Task<IResult> GetAsync(IStorageHealth storage, IOptions<MagBotHostOptions> host, IServiceProvider services, CancellationToken cancellationToken)
    {
        var probe = storage.IsAvailableAsync(cancellationToken);
        var finished = await Task.WhenAny(probe, Task.Delay(ProbeTimeout, cancellationToken)).ConfigureAwait(false);
        var available = finished == probe && await probe.ConfigureAwait(false);
        if (!available)
            return Results.Json(new { status = "degraded", storage = "unavailable", provider = storage.Provider }, statusCode: StatusCodes.Status503ServiceUnavailable);
        // The embedded store also says how full it is: evictions that keep rising mean its budget is too small.
        var memory = host.Value.MemoryDiagnostics ? MemoryReadout.Read(services) : null;
        return storage is IStoreUsage usage
            ? Results.Ok(new { status = "ok", storage = "ok", provider = storage.Provider, items = usage.Count, storedBytes = usage.StoredBytes, budgetBytes = usage.BudgetBytes, evictions = usage.Evictions, memory })
            : Results.Ok(new { status = "ok", storage = "ok", provider = storage.Provider, memory });
    }
}
