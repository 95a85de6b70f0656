namespace MagBot.Dialogs.Safety;

/// <summary>Placeholder until the red-flag screen lands (safety issue): finds nothing.
/// Registered with TryAdd so the real screen replaces it.</summary>
internal sealed class NoSafetyScreen : ISafetyScreen
{
    public SafetyAlert? Screen(string? text) => null;
}
