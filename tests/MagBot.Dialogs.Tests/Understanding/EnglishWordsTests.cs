using MagBot.Dialogs.Tests.Support;
using MagBot.Dialogs.Understanding;

namespace MagBot.Dialogs.Tests.Understanding;

/// <summary>The ordinary-English list comes from a maintained package (Debian wamerican) and says so.</summary>
public sealed class EnglishWordsTests
{
    private static readonly string ListPath = Path.Combine(RepoPaths.Root, "dialogs", "Understanding", "Medications", "english-words.txt");

    [Fact]
    public void The_shipped_list_names_its_package_version_and_licence_and_its_generator()
    {
        var header = File.ReadLines(ListPath).TakeWhile(l => l.StartsWith('#')).ToList();
        Assert.Contains(header, l => l.Contains("Debian package wamerican", StringComparison.Ordinal) && l.Any(char.IsDigit));
        Assert.Contains(header, l => l.Contains("Licence", StringComparison.Ordinal));
        Assert.Contains(header, l => l.Contains("generate-english-words.sh", StringComparison.Ordinal));
        Assert.True(File.Exists(Path.Combine(RepoPaths.Root, "dialogs", "Understanding", "Medications", "generate-english-words.sh")));
    }

    [Fact]
    public void Ordinary_words_are_in_it_and_brand_names_are_not()
    {
        var words = EnglishWords.Embedded;
        Assert.True(words.Count > 50_000);
        foreach (var w in new[] { "prevention", "acne", "nights", "bedtime", "constipation" }) Assert.True(words.Contains(w), w);
        // Capitalised entries (proper nouns, among them brands) are left out, so brands stay recognisable.
        foreach (var w in new[] { "tylenol", "prozac", "advil", "motrin" }) Assert.False(words.Contains(w), w);
    }
}
