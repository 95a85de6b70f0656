using MagBot.Dialogs.Safety;
using MagBot.Dialogs.Safety.Classification;

namespace MagBot.Dialogs.Tests.Safety;

/// <summary>The trained layer on its own: its data, its training, and that the held-out sets stay held out.</summary>
public sealed class SafetyModelTests
{
    private static readonly string DataDir = Path.Combine(RepoRoot(), "tests", "MagBot.Dialogs.Tests", "Data", "safety");

    [Fact]
    public void Training_data_covers_every_category_in_both_languages()
    {
        var examples = SafetyTrainingData.LoadEmbedded();
        var labels = examples.Select(e => e.Label).ToHashSet();
        var rules = RedFlagRuleSet.Embedded.Categories.Select(c => c.Name).Where(c => c != "emergency");
        Assert.All(rules, c => Assert.Contains(c, labels));
        Assert.Contains(SafetyCategories.Ordinary, labels);
        // Each category has Spanish examples too (tildes or ñ mark enough of them to count).
        var spanish = examples.Where(e => e.Text.Any(ch => "áéíóúñ¿¡".Contains(ch))).Select(e => e.Label).ToHashSet();
        Assert.All(labels.Where(l => l != "emergency"), l => Assert.Contains(l, spanish));
        Assert.True(examples.Count >= 5000, $"{examples.Count} examples");
    }

    [Fact]
    public void Training_shares_no_message_with_the_held_out_sets()
    {
        // The held-out sets were written blind; a near copy in the training data would make their scores meaningless.
        // One- and two-word answers ("no", "29") are bound to recur and say nothing about leakage.
        var held = Directory.GetFiles(DataDir, "heldout.*.tsv").SelectMany(File.ReadLines)
            .Where(l => l.Contains('\t')).Select(l => Key(l[(l.IndexOf('\t') + 1)..])).Where(k => k.Count(c => c == ' ') >= 2).ToHashSet();
        Assert.True(held.Count >= 1500, $"{held.Count} held-out messages found under {DataDir}");
        var shared = SafetyTrainingData.LoadEmbedded().Where(e => held.Contains(Key(e.Text))).Select(e => e.Text).ToList();
        Assert.True(shared.Count == 0, "Training lines also in a held-out set:\n" + string.Join("\n", shared.Take(20)));
    }

    [Fact]
    public void Training_is_deterministic()
    {
        var examples = SafetyTrainingData.LoadEmbedded().Where((_, i) => i % 4 == 0).ToList();
        var a = SafetyModel.Train(examples);
        var b = SafetyModel.Train(examples);
        foreach (var text in new[] { "my chest hurts and my arm is numb", "what foods have magnesium", "ya no quiero vivir" })
            Assert.Equal(a.Predict(text), b.Predict(text));
    }

    [Fact]
    public void A_bad_training_line_names_its_file_and_line()
    {
        var ex = Assert.Throws<FormatException>(() => SafetyTrainingData.Parse("crisis\tI can't go on\nno tab here\n", "x.tsv").ToList());
        Assert.Contains("x.tsv:2", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Training_needs_examples()
    {
        Assert.Throws<ArgumentException>(() => SafetyModel.Train([]));
    }

    [Theory]
    [InlineData("my dad can't feel his left arm and his face is drooping")]
    [InlineData("no fever, no stiff neck, just a dull headache")]
    [InlineData("tengo el peor dolor de cabeza de mi vida")]
    [InlineData("")]
    public void One_reading_gives_both_feature_sets_of_the_kind_heads(string text)
    {
        var (all, wordsOnly) = SafetyFeatures.ExtractBoth(text);
        Assert.Equal(SafetyFeatures.Extract(text).Buckets.Order(), all.Buckets.Order());
        Assert.Equal(SafetyFeatures.Extract(text, characterGrams: false).Buckets.Order(), wordsOnly.Buckets.Order());
        Assert.Equal(1 / MathF.Sqrt(all.Buckets.Length), all.Value, 1e-6f);
        Assert.Equal(1 / MathF.Sqrt(wordsOnly.Buckets.Length), wordsOnly.Value, 1e-6f);
        Assert.Subset(all.Buckets.ToHashSet(), wordsOnly.Buckets.ToHashSet());
    }

    [Fact]
    public void Misspelled_and_unaccented_words_read_like_their_right_spelling()
    {
        // Character n-grams: a typo shares most of its features with the word, so the model generalises to it.
        var right = SafetyFeatures.Extract("seizure").Buckets.ToHashSet();
        var typo = SafetyFeatures.Extract("siezure").Buckets;
        Assert.True(typo.Count(right.Contains) * 2 >= typo.Length / 2, "a one-letter typo should share many features");
        Assert.Equal(SafetyFeatures.Words("Está CANSADA, ¡no puede más!"), ["esta", "cansada", "no", "puede", "mas"]);
    }

    private static string Key(string text) =>
        string.Join(' ', text.ToLowerInvariant().Split((char[])[' ', ',', '.', '!', '?', ';', ':', '"', '\'', '-'], StringSplitOptions.RemoveEmptyEntries));

    private static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "MagBot.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("MagBot.sln not found above " + AppContext.BaseDirectory);
    }
}
