using System.Runtime;
using MagBot.Bot;
using MagBot.DirectLine;
using MagBot.Security;
using MagBot.Storage;

namespace MagBot.Extensions;

/// <summary>
/// Where the process's memory is, for <c>/healthz</c> when <c>MagBot:MemoryDiagnostics</c> is true (off by default:
/// it tells an outsider about the process). The managed heap as of the last garbage collection
/// (<see cref="GC.GetGCMemoryInfo()"/>: size, fragmentation and committed bytes, each generation's size after it),
/// the resident set, and how many entries each per-conversation structure outside the store holds. Reading it
/// costs no collection: every figure is one the runtime already keeps.
/// </summary>
public static class MemoryReadout
{
    private static readonly string[] GenerationNames = ["gen0", "gen1", "gen2", "loh", "poh"];

    public static object Read(IServiceProvider services)
    {
        var gc = GC.GetGCMemoryInfo(GCKind.Any);
        var generations = new Dictionary<string, object>(StringComparer.Ordinal);
        for (var i = 0; i < gc.GenerationInfo.Length && i < GenerationNames.Length; i++)
        {
            var g = gc.GenerationInfo[i];
            generations[GenerationNames[i]] = new { sizeAfterBytes = g.SizeAfterBytes, fragmentationAfterBytes = g.FragmentationAfterBytes };
        }
        using var process = System.Diagnostics.Process.GetCurrentProcess();
        return new
        {
            residentBytes = process.WorkingSet64,
            gc = new
            {
                server = GCSettings.IsServerGC,
                heapHardLimitBytes = gc.TotalAvailableMemoryBytes,
                heapBytes = gc.HeapSizeBytes,
                fragmentedBytes = gc.FragmentedBytes,
                committedBytes = gc.TotalCommittedBytes,
                promotedBytes = gc.PromotedBytes,
                allocatedNowBytes = GC.GetTotalMemory(forceFullCollection: false),
                collections = new[] { GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2) },
                pauseTimePercentage = gc.PauseTimePercentage,
                generations,
            },
            perConversation = new
            {
                rateLimitWindows = services.GetService<TurnRateLimiter>()?.TrackedWindows,
                rateLimitWindowsEvicted = services.GetService<TurnRateLimiter>()?.EvictedWindows,
                conversationLocks = (services.GetService<IConversationLock>() as MemoryConversationLock)?.Held,
                directLineConversations = services.GetService<EmbeddedDirectLineStore>()?.ConversationCount,
                directLineTokens = services.GetService<EmbeddedDirectLineStore>()?.TokenCount,
                connectorClients = services.GetService<ConnectorClientPool>()?.Count,
            },
        };
    }
}
