using MagBot.Dialogs.Knowledge;
using MagBot.Dialogs.Tests.Understanding;
using MagBot.Dialogs.Understanding;
using MagBot.Dialogs.Understanding.Labelled;

namespace MagBot.Dialogs.Tests.Safety;

/// <summary>
/// The phrase rules are built for the backtracking interpreter where that is cheaper (forbidden claims over MagBot's
/// own content) and for the non-backtracking engine where the text is a user's. Both must find exactly the same
/// thing, or a cheaper build would quietly change what MagBot allows or flags: these tests hold them to it over every
/// text MagBot has (its content, the labelled messages and the red-flag phrasings, both sides).
/// </summary>
public sealed class PatternEngineEquivalenceTests
{
    /// <summary>Every text of the corpus: content wording, content file scalars, labelled messages, red-flag phrasings.</summary>
    internal static IReadOnlyList<string> Corpus()
    {
        var texts = new List<string>();
        texts.AddRange(ContentCatalog.LoadEmbedded().Entries.Select(e => e.Text));
        foreach (var name in ContentCatalog.ResourceNames().Select(n => n["MagBot.Content.".Length..]))
        {
            texts.AddRange(ContentCatalog.Scalars(ContentCatalog.ParseHeader(name, ContentCatalog.ReadResource(name))));
        }
        texts.AddRange(NluDataFile.LoadTraining().Utterances.Select(u => u.Text));
        texts.AddRange(LabelledData.HeldOut.Utterances.Select(u => u.Text));
        texts.AddRange(RedFlagPhrasings.Alarms.Select(a => a.Text));
        texts.AddRange(RedFlagPhrasings.Calm);
        return texts;
    }

    [Fact]
    public void Forbidden_claims_find_the_same_claim_with_either_engine()
    {
        var root = ContentCatalog.ParseHeader(ForbiddenClaims.FileName, ContentCatalog.ReadResource(ForbiddenClaims.FileName));
        var linear = ForbiddenClaims.Load(ForbiddenClaims.FileName, root, PatternEngine.NonBacktracking);
        var backtracking = ForbiddenClaims.Load(ForbiddenClaims.FileName, root, PatternEngine.Backtracking);
        string[] claims =
        [
            "Magnesium cures fibromyalgia.", "It is safe to take magnesium with your blood pressure medicines.",
            "You should take 400 mg a day.", "Magnesium is not a cure for fibromyalgia or migraine.",
        ];
        var corpus = Corpus().Concat(claims).ToList();
        var found = 0;
        foreach (var text in corpus)
        {
            var expected = linear.Find(text);
            Assert.Equal(expected, backtracking.Find(text));
            if (expected is not null) found++;
        }
        Assert.True(corpus.Count > 1000, $"only {corpus.Count} texts");
        Assert.True(found >= 3, "the corpus should hold claims the rules find, or the comparison proves little");
    }
}
