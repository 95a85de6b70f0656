using System.Globalization;
using MagBot.Storage;

namespace MagBot.Extensions;

/// <summary>
/// A hard limit on the managed heap, derived from configuration so an instance's memory follows its store's budget:
/// <c>Storage:MaxMemoryMB</c> (the embedded store's items) plus <see cref="MarginMB"/> for everything else (the
/// content, models and caches, about 50 MiB after start-up, and the turns in flight), or <c>Storage:HeapLimitMB</c>
/// when set (0: no limit). Near the limit the GC collects and compacts harder instead of growing, so the embedded
/// store's garbage (every turn replaces its conversation's item) cannot push the process past what a small instance
/// has (tests/perf/RESULTS.md, soak). The runtime reads GC settings at start; <see cref="GC.RefreshMemoryLimit"/>
/// applies one given later through <see cref="AppContext"/>, as its documentation describes.
/// </summary>
public static partial class GcHeapLimit
{
    public const string LimitKey = StorageOptions.SectionName + ":HeapLimitMB";

    /// <summary>Heap beyond the store's budget: measured live heap besides the store stays under 70 MiB in the soak.</summary>
    public const int MarginMB = 256;

    /// <summary>The limit in bytes, or null for none.</summary>
    public static ulong? Derive(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (configuration[LimitKey] is { Length: > 0 } given)
        {
            if (!double.TryParse(given, NumberStyles.Float, CultureInfo.InvariantCulture, out var mb) || mb < 0)
                throw new InvalidOperationException($"{LimitKey} must be a number of megabytes (0 for no limit), not '{given}'.");
            return mb == 0 ? null : (ulong)(mb * 1024 * 1024);
        }
        var options = configuration.GetSection(StorageOptions.SectionName).Get<StorageOptions>() ?? new StorageOptions();
        var store = options.UsesRedis ? 0 : options.MaxMemoryMB;
        return (ulong)((store + MarginMB) * 1024 * 1024);
    }

    /// <summary>Applies the derived limit to this process; a limit below what the heap already holds is not applied,
    /// and says so in the log.</summary>
    public static void Apply(IConfiguration configuration, ILogger logger)
    {
        if (Derive(configuration) is not { } limit) return;
        AppContext.SetData("GCHeapHardLimit", limit);
        try
        {
            GC.RefreshMemoryLimit();
            LogApplied(logger, limit >> 20);
        }
        catch (InvalidOperationException e)
        {
            LogNotApplied(logger, limit >> 20, e.Message);
        }
    }

    [LoggerMessage(EventId = 4201, Level = LogLevel.Information, Message = "Managed heap limited to {LimitMB} MiB (Storage:MaxMemoryMB + margin, or Storage:HeapLimitMB).")]
    private static partial void LogApplied(ILogger logger, ulong limitMB);

    [LoggerMessage(EventId = 4202, Level = LogLevel.Warning, Message = "Managed heap limit of {LimitMB} MiB not applied: {Reason}")]
    private static partial void LogNotApplied(ILogger logger, ulong limitMB, string reason);
}
