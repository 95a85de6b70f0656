using System.Diagnostics;
using System.Text;

namespace MagBot.Service.Tests.Support;

/// <summary>
/// Node.js, npm and Chromium for the tests that run JavaScript (the browser test, the Teams manifest check).
/// Missing tools skip those tests on a developer's machine and fail them when <c>CI=true</c>.
/// </summary>
public static class NodeTools
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private static readonly SemaphoreSlim InstallLock = new(1, 1);

    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>Why node-based tests cannot run here, or null when they can (always null when CI=true, so they fail loudly).</summary>
    public static string? SkipReason(bool needsChromium)
    {
        if (IsCi) return null;
        if (Which("node") is null || Which("npm") is null) return "node and npm are not installed (the test runs when CI=true and fails there)";
        if (needsChromium && !File.Exists(ChromiumPath)) return $"{ChromiumPath} is not installed (apt-get install chromium; the test runs when CI=true and fails there)";
        return null;
    }

    /// <summary>The repository's root folder (the one with MagBot.sln).</summary>
    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "MagBot.sln"))) return dir.FullName;
        }
        throw new DirectoryNotFoundException("MagBot.sln not found above " + AppContext.BaseDirectory);
    }

    /// <summary>Runs <c>npm ci</c> in <paramref name="folder"/> when node_modules is missing or older than package-lock.json.</summary>
    public static async Task NpmCiIfNeededAsync(string folder)
    {
        await InstallLock.WaitAsync();
        try
        {
            var marker = Path.Combine(folder, "node_modules", ".package-lock.json");
            var lockFile = Path.Combine(folder, "package-lock.json");
            if (File.Exists(marker) && File.GetLastWriteTimeUtc(marker) >= File.GetLastWriteTimeUtc(lockFile)) return;
            var result = await RunAsync("npm", ["ci"], folder, TimeSpan.FromMinutes(5));
            Assert.True(result.ExitCode == 0, $"npm ci in {folder} failed ({result.ExitCode}):\n{result.Output}");
            File.SetLastWriteTimeUtc(marker, DateTime.UtcNow);
        }
        finally
        {
            InstallLock.Release();
        }
    }

    public sealed record ProcessResult(int ExitCode, string Output);

    /// <summary>Runs a program to its end (killed after <paramref name="timeout"/>) and returns its exit code and combined output.</summary>
    public static async Task<ProcessResult> RunAsync(string program, IEnumerable<string> arguments, string workingDirectory, TimeSpan timeout, IDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        foreach (var (key, value) in environment ?? new Dictionary<string, string>()) start.Environment[key] = value;
        var output = new StringBuilder();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            lock (output) output.AppendLine($"(killed after {timeout})");
        }
        process.WaitForExit();
        lock (output) return new ProcessResult(process.ExitCode, output.ToString());
    }

    private static string? Which(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator)
            .Select(dir => Path.Combine(dir, program))
            .FirstOrDefault(File.Exists);
}
