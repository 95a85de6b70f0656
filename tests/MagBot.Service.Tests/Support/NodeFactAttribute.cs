namespace MagBot.Service.Tests.Support;

/// <summary>A fact that runs a node script: skipped where node or npm is missing, unless CI=true.</summary>
public sealed class NodeFactAttribute : FactAttribute
{
    public NodeFactAttribute()
    {
        if (NodeTools.SkipReason(needsChromium: false) is { } reason) Skip = reason;
    }
}
