using MagBot.Dialogs.Safety.Classification;

namespace MagBot.Dialogs.Tests.Safety;

/// <summary>The WordNet list of complaint words the safety model shares a feature across.</summary>
public sealed class HealthWordsTests
{
    [Theory]
    [InlineData("queasy", "symptom")]
    [InlineData("nauseous", "symptom")]
    [InlineData("heartburn", "symptom")]
    [InlineData("sprains", "injury")]
    [InlineData("aching", "pain")]
    [InlineData("flu", "illness")]
    public void Complaint_words_and_their_inflections_have_a_category(string word, string category) =>
        Assert.Equal(category, HealthWords.CategoryOf(word));

    [Theory]
    [InlineData("magnesium")]
    [InlineData("happy")]
    [InlineData("dose")]
    [InlineData("pill")]
    [InlineData("is")]
    public void Ordinary_words_have_none(string word) => Assert.Null(HealthWords.CategoryOf(word));

    [Fact]
    public void List_comes_from_WordNet_and_carries_its_licence()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..", "dialogs", "Safety", "Classification", "health-words.txt");
        var header = File.ReadLines(path).TakeWhile(l => l.StartsWith('#')).ToList();
        Assert.Contains(header, l => l.Contains("WordNet 3.0", StringComparison.Ordinal) && l.Contains("wordnet-base", StringComparison.Ordinal));
        Assert.Contains(header, l => l.Contains("Copyright 2006 by Princeton University", StringComparison.Ordinal));
        Assert.InRange(HealthWords.Count, 1000, 10000);
    }

    [Fact]
    public void A_complaint_word_the_model_never_saw_shares_a_feature_with_one_it_did()
    {
        var seen = SafetyFeatures.Extract("my stomach has been queasy since this morning").Buckets.ToHashSet();
        var unseen = SafetyFeatures.Extract("my stomach has been bilious since this morning").Buckets.ToHashSet();
        var plain = SafetyFeatures.Extract("my stomach has been lovely since this morning").Buckets.ToHashSet();
        Assert.True(seen.Intersect(unseen).Count() > seen.Intersect(plain).Count(), "a complaint word shares its WordNet feature");
    }
}
