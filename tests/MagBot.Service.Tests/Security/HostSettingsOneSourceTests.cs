using System.Text.RegularExpressions;
using MagBot.Service.Tests.Support;

namespace MagBot.Service.Tests.Security;

/// <summary>
/// Each host fact has one source (issue 17): anonymous mode is decided by <c>Security/AnonymousMode.cs</c> alone, and
/// <c>MagBot:ClinicOrigins</c> is bound to one options class and validated by one validator. A second copy would let the
/// reply-address check, the outbound guard, the security headers and CORS disagree after a change to one of them.
/// </summary>
public sealed partial class HostSettingsOneSourceTests
{
    [Fact]
    public void Only_AnonymousMode_reads_the_app_id_to_decide_anonymous_mode()
    {
        var readers = FilesWhere(AppIdRead().IsMatch);
        Assert.Equal(["Security/AnonymousMode.cs"], readers);
    }

    [Fact]
    public void ClinicOrigins_is_declared_once_and_read_from_configuration_nowhere()
    {
        Assert.Equal(["Extensions/HostOptions.cs"], FilesWhere(ClinicOriginsProperty().IsMatch));
        Assert.Empty(FilesWhere(ClinicOriginsFromConfiguration().IsMatch));
        // The key's name, in the messages that name it, comes from one constant.
        Assert.Equal(["Security/ClinicOrigins.cs"], FilesWhere(c => c.Contains("\"MagBot:ClinicOrigins\"", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("private readonly bool _anonymous = string.IsNullOrWhiteSpace(configuration[\"MicrosoftAppId\"]);", true)]
    [InlineData("var appId = builder.Configuration[\"MicrosoftAppId\"];", true)]
    [InlineData("/// <summary>Allow running with no <c>MicrosoftAppId</c>.</summary>", false)]
    [InlineData("if (mode.IsAnonymous && !policy.IsAllowed(url))", false)]
    public void The_check_finds_a_second_reading_of_the_app_id(string code, bool found) =>
        Assert.Equal(found, AppIdRead().IsMatch(Code(code)));

    [Theory]
    [InlineData("public List<string> ClinicOrigins { get; set; } = [];", true, false)]
    [InlineData("var origins = configuration.GetSection(\"MagBot:ClinicOrigins\").Get<string[]>();", false, true)]
    [InlineData("var origins = configuration.GetSection($\"{MagBotHostOptions.SectionName}:ClinicOrigins\").Get<string[]>();", false, true)]
    [InlineData("policy.WithOrigins([.. host.Value.ClinicOrigins])", false, false)]
    public void The_check_finds_a_second_binding_of_ClinicOrigins(string code, bool declared, bool read)
    {
        Assert.Equal(declared, ClinicOriginsProperty().IsMatch(Code(code)));
        Assert.Equal(read, ClinicOriginsFromConfiguration().IsMatch(Code(code)));
    }

    /// <summary>The host's source files (relative to src/MagBot, with '/') whose code, comments left out, matches.</summary>
    private static List<string> FilesWhere(Func<string, bool> matches)
    {
        var root = System.IO.Path.Combine(RepositoryRoot.Path, "src", "MagBot");
        var sep = System.IO.Path.DirectorySeparatorChar;
        var files = Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{sep}obj{sep}", StringComparison.Ordinal) && !f.Contains($"{sep}bin{sep}", StringComparison.Ordinal))
            .ToList();
        Assert.Contains(files, f => f.EndsWith("MessagesEndpoint.cs", StringComparison.Ordinal));
        return [.. files.Where(f => matches(Code(File.ReadAllText(f))))
            .Select(f => System.IO.Path.GetRelativePath(root, f).Replace('\\', '/')).Order(StringComparer.Ordinal)];
    }

    /// <summary>Source without its comments, so a summary may name a key.</summary>
    private static string Code(string source) => LineComment().Replace(source, string.Empty);

    [GeneratedRegex(@"(?<!:)//.*$", RegexOptions.Multiline)]
    private static partial Regex LineComment();

    [GeneratedRegex(@"""MicrosoftAppId""")]
    private static partial Regex AppIdRead();

    [GeneratedRegex(@"\bList<string>\s+ClinicOrigins\b|\bstring\[\]\s+ClinicOrigins\b")]
    private static partial Regex ClinicOriginsProperty();

    [GeneratedRegex(@"(GetSection|GetValue|\[)\s*\(?\s*\$?""[^""]*ClinicOrigins")]
    private static partial Regex ClinicOriginsFromConfiguration();
}
