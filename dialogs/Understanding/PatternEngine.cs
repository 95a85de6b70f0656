namespace MagBot.Dialogs.Understanding;

/// <summary>
/// Which .NET regular-expression engine a <see cref="PhrasePatternCompiler"/> builds its patterns for. Both find
/// the same matches (the same language, and since .NET 7 the same match positions); they differ in cost.
/// </summary>
public enum PatternEngine
{
    /// <summary>
    /// <see cref="System.Text.RegularExpressions.RegexOptions.NonBacktracking"/>: linear time on any text, so it is
    /// the engine for text a user typed. Building it is expensive (about 10 ms of processor time per pattern: it
    /// computes the pattern's character classes as decision diagrams), which is most of a cold start.
    /// </summary>
    NonBacktracking,

    /// <summary>
    /// The backtracking interpreter with a match timeout of <see cref="PhrasePatternCompiler.BacktrackingTimeout"/>:
    /// built in well under a millisecond per pattern. For trusted text (MagBot's own content and configuration),
    /// and for user text only where a timeout falls back to <see cref="NonBacktracking"/>.
    /// </summary>
    Backtracking,
}
