using System.Text.RegularExpressions;
using MagBot.Dialogs.Knowledge;
using MagBot.Dialogs.Understanding;
using Microsoft.Extensions.Options;

namespace MagBot.Dialogs.Safety;

/// <summary>
/// The red-flag screen the service runs, ready as soon as the service starts. Building the rules for the
/// linear-time engine takes over a second of processor time (most of a cold start), so the process builds them
/// once, in the background (<see cref="LinearRules"/>, started by <see cref="ConversationStartup"/>); until they are ready, messages are screened by the same
/// rules, validated the same way, built for the backtracking interpreter, which finds exactly the same matches
/// (PatternEngineEquivalenceTests) and builds in milliseconds. A message the interpreter could be slow on (longer
/// than <see cref="InterimMaxLength"/>, or one that hits the match timeout) waits for the linear-time rules instead,
/// so no message can make the screen run long and no message is ever screened by anything less than every rule.
/// </summary>
public sealed class StagedRedFlagScreen : ISafetyScreen
{
    /// <summary>Longer messages wait for the linear-time rules rather than meet the interpreter.</summary>
    public const int InterimMaxLength = 2_000;

    private static readonly Lazy<Task<RedFlagRuleSet>> Linear = new(() => Task.Run(() => RedFlagRuleSet.Embedded));

    private readonly RedFlagScreen _interim;
    private readonly Task<RedFlagScreen> _linear;
    private readonly Action? _startLinear;

    /// <param name="interim">The rules built for the backtracking interpreter (<see cref="LoadInterim"/>).</param>
    /// <param name="linear">The same rules built for the linear-time engine, when ready.</param>
    /// <param name="content">The content the urgent replies come from.</param>
    /// <param name="clinic">The numbers the urgent replies give.</param>
    /// <param name="startLinear">Called before a message waits for <paramref name="linear"/>, in case its build has not started yet.</param>
    public StagedRedFlagScreen(RedFlagRuleSet interim, Task<RedFlagRuleSet> linear, ContentCatalog content, IOptions<ClinicOptions> clinic, Action? startLinear = null)
    {
        _startLinear = startLinear;
        _interim = new RedFlagScreen(interim, content, clinic);
        _linear = linear.ContinueWith(t => new RedFlagScreen(t.GetAwaiter().GetResult(), content, clinic), CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    /// <summary>The embedded rules built for the linear-time engine: started on first use, built once per process.</summary>
    public static Task<RedFlagRuleSet> LinearRules => Linear.Value;

    /// <summary>The embedded rules, validated against <paramref name="content"/> (a mistake fails here, naming file and rule),
    /// built for the backtracking interpreter.</summary>
    public static RedFlagRuleSet LoadInterim(ContentCatalog content) =>
        RedFlagRuleSet.Load(ContentCatalog.ReadResource(RedFlagRuleSet.FileName), content, PatternEngine.Backtracking);

    /// <summary>True once the linear-time rules screen every message.</summary>
    public bool IsLinear => _linear.IsCompletedSuccessfully;

    public SafetyAlert? Screen(string? text, string? locale = null)
    {
        if (_linear.IsCompletedSuccessfully) return _linear.Result.Screen(text);
        if (!_linear.IsCompleted && (text?.Length ?? 0) <= InterimMaxLength)
        {
            try
            {
                return _interim.Screen(text);
            }
            catch (RegexMatchTimeoutException)
            {
                // Too slow for the interpreter: screened below by the linear-time rules.
            }
        }
        // Waits for the linear-time rules (a second or two, only while the service starts); a failure to build them
        // is thrown here, on every message, rather than ever screening with less.
        _startLinear?.Invoke();
        return _linear.GetAwaiter().GetResult().Screen(text);
    }
}
