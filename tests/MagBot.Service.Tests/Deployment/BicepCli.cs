using System.Diagnostics;
using System.Reflection;

namespace MagBot.Service.Tests.Deployment;

/// <summary>The Bicep compiler from the Azure.Bicep.CommandLine.linux-x64 NuGet package (downloaded by this
/// test project's PackageDownload), so compiling the templates needs neither the Azure CLI nor a network.</summary>
public static class BicepCli
{
    public sealed record Result(int ExitCode, string StandardOutput, string StandardError);

    public static string Executable()
    {
        var folder = typeof(BicepCli).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "BicepPackageFolder")?.Value
            ?? throw new InvalidOperationException("The test assembly does not say where the Bicep package is (BicepPackageFolder).");
        var path = Directory.Exists(folder)
            ? Directory.EnumerateFiles(folder, "bicep", SearchOption.AllDirectories).FirstOrDefault()
            : null;
        if (path is null) throw new FileNotFoundException($"No 'bicep' binary under {folder}: restore tests/MagBot.Service.Tests (it downloads Azure.Bicep.CommandLine.linux-x64).");
        // NuGet extracts files without their execute bit on some machines. (The package is the linux-x64 one.)
        if (OperatingSystem.IsWindows()) throw new PlatformNotSupportedException("The Bicep test uses the linux-x64 Bicep CLI package.");
        var mode = File.GetUnixFileMode(path);
        if (!mode.HasFlag(UnixFileMode.UserExecute)) File.SetUnixFileMode(path, mode | UnixFileMode.UserExecute);
        return path;
    }

    public static async Task<Result> RunAsync(string workingDirectory, params string[] args)
    {
        var info = new ProcessStartInfo(Executable())
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in args) info.ArgumentList.Add(a);
        // No telemetry, no update checks: the test must not depend on a network.
        info.Environment["BICEP_TELEMETRY_ENABLED"] = "false";
        using var process = Process.Start(info) ?? throw new InvalidOperationException("bicep did not start.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);
        return new Result(process.ExitCode, await stdout, await stderr);
    }
}
