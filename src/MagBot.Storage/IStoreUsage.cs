namespace MagBot.Storage;

/// <summary>How full the embedded store is; <c>/healthz</c> reports it so an operator sees when the budget
/// (<see cref="StorageOptions.MaxMemoryMB"/>) starts pushing conversations out.</summary>
public interface IStoreUsage
{
    /// <summary>Items held now.</summary>
    int Count { get; }

    /// <summary>The bytes the items are counted as (see <see cref="MemoryCacheStorage.SizeOf"/>).</summary>
    long StoredBytes { get; }

    /// <summary>The budget in bytes.</summary>
    long BudgetBytes { get; }

    /// <summary>Items removed to stay within the budget or the item limit since start (expiry not counted).</summary>
    long Evictions { get; }
}
