using MagBot.Service.Tests.Support;

namespace MagBot.Service.Tests.Deployment;

/// <summary>Docker cannot run on the build machine, so these read deployment/Dockerfile for the properties
/// that matter in production; an image build is still to be tried where Docker exists.</summary>
public sealed class DockerfileTests
{
    private static readonly string[] Lines = File.ReadAllLines(Path.Combine(RepositoryRoot.Path, "deployment", "Dockerfile"));

    private static IEnumerable<string> Instructions(string name) =>
        Lines.Where(l => l.StartsWith(name + " ", StringComparison.Ordinal));

    [Fact]
    public void It_builds_with_the_sdk_and_runs_on_the_aspnet_runtime()
    {
        var from = Instructions("FROM").ToList();
        Assert.Equal(2, from.Count);
        Assert.Contains("mcr.microsoft.com/dotnet/sdk:10.0", from[0], StringComparison.Ordinal);
        Assert.Contains("mcr.microsoft.com/dotnet/aspnet:10.0", from[1], StringComparison.Ordinal);
    }

    [Fact]
    public void It_runs_as_a_non_root_user_after_copying_the_app()
    {
        var user = Array.FindLastIndex(Lines, l => l.StartsWith("USER ", StringComparison.Ordinal));
        Assert.True(user > Array.FindLastIndex(Lines, l => l.StartsWith("COPY ", StringComparison.Ordinal)), "USER must follow the last COPY");
        Assert.DoesNotContain("root", Lines[user], StringComparison.Ordinal);
    }

    [Fact]
    public void It_health_checks_healthz_and_listens_where_ASPNETCORE_URLS_says()
    {
        Assert.Contains(Lines, l => l.Contains("/healthz", StringComparison.Ordinal) && Lines.Any(h => h.StartsWith("HEALTHCHECK", StringComparison.Ordinal)));
        Assert.Contains(Lines, l => l.Contains("ASPNETCORE_URLS=http://+:8080", StringComparison.Ordinal));
        Assert.Contains(Lines, l => l.StartsWith("EXPOSE 8080", StringComparison.Ordinal));
    }

    [Fact]
    public void Every_project_the_host_references_is_copied_before_restore()
    {
        var host = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "src", "MagBot", "MagBot.csproj"));
        var references = System.Text.RegularExpressions.Regex.Matches(host, "ProjectReference Include=\"([^\"]+)\"")
            .Select(m => Path.GetFileName(m.Groups[1].Value)).ToList();
        Assert.NotEmpty(references);
        foreach (var project in references)
            Assert.Contains(Instructions("COPY"), l => l.Contains(project, StringComparison.Ordinal));
    }
}
