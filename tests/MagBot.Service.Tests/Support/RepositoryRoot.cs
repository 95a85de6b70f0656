namespace MagBot.Service.Tests.Support;

/// <summary>The repository's top folder (the one holding MagBot.sln), found from the test binaries.</summary>
public static class RepositoryRoot
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "MagBot.sln"))) return dir.FullName;
        }
        throw new DirectoryNotFoundException($"No MagBot.sln above {AppContext.BaseDirectory}.");
    }
}
