using System.Text.RegularExpressions;
using MagBot.Dialogs.Knowledge;
using MagBot.Dialogs.Tests.Support;
using MagBot.Dialogs.Engine;
using MagBot.Dialogs.Topics;
using Microsoft.Extensions.DependencyInjection;

namespace MagBot.Dialogs.Tests.Knowledge;

/// <summary>
/// Rasa-style `data validate`: every content key the C# refers to exists, and every `responses`/`facts`
/// entry is referred to somewhere, so wording cannot silently go missing or pile up unused.
/// </summary>
public sealed partial class ContentKeyCrossCheckTests
{
    private static readonly ContentCatalog Content = ContentCatalog.LoadEmbedded();

    [Fact]
    public void Every_content_key_used_in_code_exists()
    {
        var dialogIds = DialogIds();
        var missing = new List<string>();
        foreach (var (file, code) in SourceFiles())
        {
            foreach (Match m in KeyUse().Matches(code))
            {
                var key = m.Groups["key"].Value;
                if (!Content.Contains(key)) missing.Add($"{file}: \"{key}\"");
            }
            // Constants and arrays of keys: any literal shaped like a key whose first part names a content area.
            foreach (Match m in KeyLiteral().Matches(code))
            {
                var key = m.Groups["key"].Value;
                if (Content.Contains(key) || dialogIds.Contains(key) || !ContentAreas().Contains(key.Split('.')[0])) continue;
                if (key.EndsWith(".yaml", StringComparison.Ordinal) || key.EndsWith(".json", StringComparison.Ordinal)) continue;
                missing.Add($"{file}: \"{key}\"");
            }
        }
        Assert.True(missing.Count == 0, "Content keys used in code but defined in no YAML file:\n" + string.Join("\n", missing.Distinct()));
    }

    [Fact]
    public void Every_responses_and_facts_entry_is_used_somewhere()
    {
        var code = string.Join("\n", SourceFiles().Select(f => f.Code));
        // The red-flag rules file names its categories' urgent replies by key (reply: redflag.…); the safety screen
        // answers a Spanish message with the same key and ".es" (LayeredSafetyScreen).
        var usedByRules = MagBot.Dialogs.Safety.RedFlagRuleSet.Embedded.Categories
            .SelectMany(c => new[] { c.ReplyKey, c.ReplyKey + ".es" }).ToHashSet();
        // The topic table names its topics' buttons, titles, facts and follow-ups by key (TopicCatalog checks they exist).
        var usedByTopics = TopicCatalog.LoadEmbedded(Content).Topics
            .SelectMany(t => new[] { t.ButtonKey, t.TitleKey }.OfType<string>().Concat(t.FactKeys).Concat(t.FollowUpKeys)).ToHashSet();
        Assert.Contains("fibromyalgia.trial", usedByTopics);
        var unused = Content.Entries.Select(e => e.Key).Where(k => !code.Contains($"\"{k}\"", StringComparison.Ordinal) && !usedByRules.Contains(k) && !usedByTopics.Contains(k)).ToList();
        Assert.True(unused.Count == 0, "Content entries no code refers to (write the key as a literal, or remove the entry):\n" + string.Join("\n", unused));
    }

    [Fact]
    public void The_scan_finds_the_topic_code()
    {
        // Guards the two tests above against passing because the scan found nothing.
        var files = SourceFiles().Select(f => f.File).ToList();
        Assert.Contains(files, f => f.EndsWith("FoodsDialog.cs", StringComparison.Ordinal));
        Assert.Contains(files, f => f.EndsWith("ConversationRunner.cs", StringComparison.Ordinal));
        Assert.Contains(SourceFiles(), f => KeyUse().IsMatch(f.Code));
    }

    // Text("key"), SendTextAsync("key"), TitleKey => "key", GiveUpKey = "key", MenuReply("key"), SendMenuAsync(dc, "key")
    [GeneratedRegex(@"(?:\bText|SendTextAsync|MenuReply|SendMenuAsync\(\s*\w+\s*,)\(?\s*""(?<key>[a-z][a-z0-9_]*(?:\.[a-z0-9_]+)+)""|(?:TitleKey|GiveUpKey)\s*(?:=>|=)\s*""(?<key>[^""]+)""")]
    private static partial Regex KeyUse();

    [GeneratedRegex(@"(?<![\w$])""(?<key>[a-z][a-z0-9_]*(?:\.[a-z0-9_]+)+)""")]
    private static partial Regex KeyLiteral();

    private static HashSet<string> ContentAreas() => [.. Content.Entries.Select(e => e.Key.Split('.')[0])];

    private static HashSet<string> DialogIds()
    {
        using var conv = new BotConversation();
        return [.. conv.Services.GetRequiredService<DialogSet>().All.Select(d => d.Id)];
    }

    private static List<(string File, string Code)> SourceFiles()
    {
        var root = RepoRoot();
        return [.. new[] { "dialogs", "src" }
            .SelectMany(d => Directory.EnumerateFiles(Path.Combine(root, d), "*.cs", SearchOption.AllDirectories))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                     && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(f => (Path.GetRelativePath(root, f), File.ReadAllText(f)))];
    }

    private static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "MagBot.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("MagBot.sln not found above " + AppContext.BaseDirectory);
    }
}
