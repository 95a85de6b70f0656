namespace MagBot.Service.Tests.Support;

/// <summary>A fact that needs node, npm and Chromium: skipped where they are missing, unless CI=true.</summary>
public sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute()
    {
        if (NodeTools.SkipReason(needsChromium: true) is { } reason) Skip = reason;
    }
}
