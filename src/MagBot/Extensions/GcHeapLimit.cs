using System.Globalization;
using MagBot.Storage;

namespace MagBot.Extensions;

/// <summary>
/// An optional hard limit on the managed heap, <c>Storage:HeapLimitMB</c> (unset or 0: none), set at start. Off by
/// default: in the 20-minute soak at the defaults a limit of the store's budget + 256 MiB was reached with the store at
/// 178 MiB of its 256 (the store's garbage and fragmentation in gen2 count against it), and the last minute thrashed
/// (tests/perf/RESULTS.md). Set it only well above what the soak shows for the chosen budget. The runtime reads GC
/// settings at start; <see cref="GC.RefreshMemoryLimit"/> applies one given later through <see cref="AppContext"/>,
/// as its documentation describes.
/// </summary>
public static partial class GcHeapLimit
{
    public const string LimitKey = StorageOptions.SectionName + ":HeapLimitMB";

    /// <summary>The limit in bytes, or null for none.</summary>
    public static ulong? Derive(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (configuration[LimitKey] is not { Length: > 0 } given) return null;
        if (!double.TryParse(given, NumberStyles.Float, CultureInfo.InvariantCulture, out var mb) || mb < 0)
            throw new InvalidOperationException($"{LimitKey} must be a number of megabytes (0 for no limit), not '{given}'.");
        return mb == 0 ? null : (ulong)(mb * 1024 * 1024);
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

    [LoggerMessage(EventId = 4201, Level = LogLevel.Information, Message = "Managed heap limited to {LimitMB} MiB (Storage:HeapLimitMB).")]
    private static partial void LogApplied(ILogger logger, ulong limitMB);

    [LoggerMessage(EventId = 4202, Level = LogLevel.Warning, Message = "Managed heap limit of {LimitMB} MiB not applied: {Reason}")]
    private static partial void LogNotApplied(ILogger logger, ulong limitMB, string reason);
}
