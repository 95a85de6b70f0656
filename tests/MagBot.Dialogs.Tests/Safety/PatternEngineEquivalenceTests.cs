using MagBot.Dialogs.Knowledge;
using MagBot.Dialogs.Safety;
using Microsoft.Extensions.Options;
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
// Both regex engines over every message and rule: tagged Slow so a local run can leave it out (--filter Category!=Slow); CI runs it.
[Trait("Category", "Slow")]
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

    [Fact]
    public void Red_flag_rules_match_the_same_rules_with_either_engine()
    {
        var linear = RedFlagRuleSet.Embedded;
        var interim = Interpreted(ContentCatalog.LoadEmbedded());
        Assert.Equal(linear.Rules.Select(r => r.Id), interim.Rules.Select(r => r.Id));
        var corpus = Corpus();
        int flagged = 0, timedOut = 0;
        foreach (var text in corpus)
        {
            var expected = linear.Match(text).Select(r => r.Id).ToList();
            List<string> found;
            try
            {
                found = [.. interim.Match(text).Select(r => r.Id)];
            }
            catch (System.Text.RegularExpressions.RegexMatchTimeoutException)
            {
                // On a loaded machine a match can exceed the interpreter's timeout; the screen then reads the message
                // with the linear-time rules (RedFlagScreen), so there is nothing of the interpreter's to compare.
                timedOut++;
                continue;
            }
            Assert.Equal(expected, found);
            if (expected.Count > 0) flagged++;
        }
        Assert.True(timedOut * 20 < corpus.Count, $"{timedOut} of {corpus.Count} texts timed out on the interpreter");
        Assert.True(flagged >= RedFlagPhrasings.Alarms.Length, $"only {flagged} texts raised a flag");
    }

    [Fact]
    public void Screen_reads_a_long_message_with_the_linear_time_rules_and_a_short_one_with_the_interpreter()
    {
        var content = ContentCatalog.LoadEmbedded();
        var linear = new Lazy<RedFlagRuleSet>(() => RedFlagRuleSet.Embedded);
        var screen = new RedFlagScreen(Interpreted(content), content, Options.Create(new ClinicOptions()), linear);
        var expected = RedFlagRuleSet.Embedded.Match("worst headache of my life")[0].Id;

        Assert.Equal(expected, screen.Screen("worst headache of my life")?.RuleId);
        Assert.Null(screen.Screen("what foods have magnesium?"));
        Assert.False(linear.IsValueCreated, "a short message needs no linear-time build");

        var longMessage = string.Concat(Enumerable.Repeat("magnesium and my sleep ", 200)) + "worst headache of my life";
        Assert.True(longMessage.Length > RedFlagScreen.LongMessageLength);
        Assert.Equal(expected, screen.Screen(longMessage)?.RuleId);
        Assert.True(linear.IsValueCreated, "a long message is read by the linear-time rules");
    }

    private static RedFlagRuleSet Interpreted(ContentCatalog content) =>
        RedFlagRuleSet.Load(ContentCatalog.ReadResource(RedFlagRuleSet.FileName), content, PatternEngine.Backtracking);

    [Fact]
    public void Forbidden_claim_check_that_times_out_on_the_interpreter_is_answered_by_the_linear_time_engine()
    {
        // (ab|a|b)+ over "abab…" with no "c" after it backtracks exponentially; the linear-time engine does not.
        const string yaml = """
            schemaVersion: 1
            kind: forbidden-claims
            claims:
              - id: tangled
                why: a pattern that backtracks exponentially
                when:
                  - '(ab|a|b)+c'
            """;
        var claims = ForbiddenClaims.Load("tangled.yaml", ContentCatalog.ParseHeader("tangled.yaml", yaml), PatternEngine.Backtracking);
        var run = string.Concat(Enumerable.Repeat("ab", 40));
        Assert.Throws<System.Text.RegularExpressions.RegexMatchTimeoutException>(() =>
            claims.FindIn(run + " x")); // the interpreter alone gives up
        var text = run + " x";
        var watch = System.Diagnostics.Stopwatch.StartNew();
        Assert.Null(claims.Find(text));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(20), $"took {watch.Elapsed}");
        Assert.Equal("tangled", claims.Find(run + "c")?.Id);
    }
}
