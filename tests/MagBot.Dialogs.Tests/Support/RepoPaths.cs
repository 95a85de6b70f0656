namespace MagBot.Dialogs.Tests.Support;

/// <summary>Paths in the source tree, found from the test assembly by walking up to MagBot.sln.</summary>
public static class RepoPaths
{
    public static string Root
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "MagBot.sln"))) dir = dir.Parent;
            return dir?.FullName ?? throw new InvalidOperationException("MagBot.sln not found above " + AppContext.BaseDirectory);
        }
    }

    public static string Transcripts => Path.Combine(Root, "tests", "MagBot.Dialogs.Tests", "Transcripts");
}
