using MagBot.Dialogs.Tests.Support;
using MagBot.Dialogs.Understanding.Classification;
using MagBot.Dialogs.Understanding.Lexicon;

namespace MagBot.Dialogs.Tests.Understanding;

/// <summary>The WordNet senses come from the Debian package wordnet-base, say so with WordNet's licence, and give a word the
/// model was never shown the meaning of a word it was.</summary>
public sealed class WordSensesTests
{
    private static readonly string TablePath = Path.Combine(RepoPaths.Root, "dialogs", "Understanding", "Lexicon", "word-senses.txt");

    [Fact]
    public void The_shipped_table_names_WordNet_its_version_its_licence_and_its_generator()
    {
        var header = File.ReadLines(TablePath).TakeWhile(l => l.StartsWith('#')).ToList();
        Assert.Contains(header, l => l.Contains("WordNet 3.0", StringComparison.Ordinal) && l.Contains("wordnet-base 1:3.0", StringComparison.Ordinal));
        Assert.Contains(header, l => l.Contains("Permission to use, copy, modify and distribute this software", StringComparison.Ordinal));
        Assert.Contains(header, l => l.Contains("WordNet 3.0 Copyright 2006 by Princeton University", StringComparison.Ordinal));
        Assert.Contains(header, l => l.Contains("generate-word-senses.py", StringComparison.Ordinal));
        Assert.True(File.Exists(Path.Combine(RepoPaths.Root, "dialogs", "Understanding", "Lexicon", "generate-word-senses.py")));
        // The embedded copy is the same file, licence included.
        Assert.Equal(string.Join('\n', header), WordSenses.EmbeddedHeader().Replace("\r", "", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("queasy", "nauseated")]
    [InlineData("queasy", "sick")]
    [InlineData("tummy", "stomach")]
    [InlineData("tummy", "belly")]
    public void Words_of_one_meaning_share_a_sense(string word, string other)
    {
        var senses = WordSenses.Embedded;
        Assert.True(senses.Count > 20_000, $"only {senses.Count} words loaded");
        Assert.True(senses.Of(word).ToArray().Intersect(senses.Of(other).ToArray()).Any(), $"{word} and {other} share no sense");
    }

    [Fact]
    public void Regular_endings_find_the_dictionary_form_and_unknown_words_have_none()
    {
        var senses = WordSenses.Embedded;
        Assert.Equal(senses.Of("headache").ToArray(), senses.Of("headaches").ToArray());
        Assert.Equal(senses.Of("doctor").ToArray(), senses.Of("doctors").ToArray());
        Assert.Equal(senses.Of("tablet").ToArray(), senses.Of("tablets").ToArray());
        Assert.NotEmpty(senses.Of("headache").ToArray());
        Assert.Empty(senses.Of("fibromyalga").ToArray());
        Assert.Empty(senses.Of("the").ToArray()); // function words are left out
    }

    [Fact]
    public void An_unsorted_table_is_refused_with_the_way_to_fix_it()
    {
        var ex = Assert.Throws<FormatException>(() => WordSenses.Parse("# header\nzinc 1 2\nacid 3\n"));
        Assert.Contains("generate-word-senses.py", ex.Message, StringComparison.Ordinal);
        var parsed = WordSenses.Parse("# header\nacid 3 ^a\nzinc 3\n");
        Assert.Equal(new ushort[] { 3, 10 }, parsed.Of("acid").ToArray());
        Assert.Equal(new ushort[] { 3 }, parsed.OwnOf("acid").ToArray());
    }

    [Fact]
    public void The_speller_maps_an_unseen_synonym_to_a_known_word_and_a_misspelling_to_its_spelling()
    {
        var speller = new VocabularySpeller(["nauseated", "dose", "magnesium", "test"]);
        Assert.Equal("nauseated", speller.Canonical("queasy"));
        Assert.Equal("test", speller.Canonical("exam"));
        Assert.Equal("magnesium", speller.Canonical("magnesuim"));
        Assert.Null(speller.Canonical("cryptocurrency"));
    }

    [Theory]
    [InlineData("does it make you nauseous", "side_effects")]   // "nauseous" is not in the training data; "queasy" is
    [InlineData("nauseous after the pill", "side_effects")]
    public void A_message_with_a_word_the_model_was_not_shown_is_placed_by_its_synonym(string text, string intent)
    {
        Assert.DoesNotContain("nauseous", File.ReadAllText(Path.Combine(RepoPaths.Root, "dialogs", "Understanding", "Data", "nlu.train.yaml")), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(intent, LabelledData.Recognizer.Recognize(text).Intent);
    }
}
