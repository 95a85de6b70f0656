namespace MagBot.Dialogs.Understanding.Labelled;

/// <summary>A labelled-data file that cannot be used, with the file and line to fix.</summary>
public sealed class NluDataException(string file, int line, string problem)
    : Exception($"{file}:{line}: {problem}")
{
    public string File { get; } = file;
    public int Line { get; } = line;
    public string Problem { get; } = problem;
}
