using MagBot.Dialogs.Knowledge;
using MagBot.Dialogs.Safety;
using MagBot.Dialogs.Tests.Support;
using MagBot.Dialogs.Understanding.Labelled;
using Microsoft.Extensions.Options;

namespace MagBot.Dialogs.Tests.Safety;

/// <summary>
/// The red-flag screen rules out, all at once, the rules that cannot match before judging the rest in full. These
/// tests hold it to the reference (every rule judged in full) over every message the project has, and check that
/// it does rule out rules: a prefilter that kept every rule would pass the equivalence and save nothing.
/// </summary>
public sealed class RedFlagPrefilterTests
{
    private static readonly RedFlagRuleSet Rules = RedFlagRuleSet.Embedded;

    [Trait("Category", "Slow")]
    [Fact]
    public void Screen_matches_the_same_rules_as_judging_every_rule_for_every_message()
    {
        var texts = EveryMessage.WithPerturbations;
        var flagged = 0;
        foreach (var text in texts)
        {
            var expected = Rules.MatchEveryRule(text).Select(r => r.Id).ToList();
            var actual = Rules.Match(text).Select(r => r.Id).ToList();
            Assert.True(expected.SequenceEqual(actual), $"\"{text}\": every rule gives [{string.Join(", ", expected)}], the screen [{string.Join(", ", actual)}]");
            if (expected.Count > 0) flagged++;
        }
        Assert.True(texts.Count > 5_000, $"only {texts.Count} messages");
        Assert.True(flagged > texts.Count / 6, $"only {flagged} of {texts.Count} messages raise a flag: the comparison proves little about flagged ones");
    }

    [Trait("Category", "Slow")]
    [Theory]
    [InlineData(300)]     // many small alternations: keys of one rule spread over several
    [InlineData(100_000)] // one alternation over the size limit: split until each fits
    public void Any_grouping_of_the_patterns_matches_the_same_rules(int lengthBudget)
    {
        var prefilter = new RedFlagPrefilter(Rules.Rules, lengthBudget);
        Assert.True(prefilter.GroupCount > 1);
        foreach (var text in EveryMessage.Originals)
        {
            var prepared = Rules.Prepare(text);
            var expected = Rules.MatchEveryRule(text).Select(r => r.Id);
            var candidates = prefilter.Candidates(prepared);
            var judged = candidates.Where(r => r.Phrases.Matches(prepared)).OrderBy(r => r.Category.Priority).Select(r => r.Id);
            Assert.True(expected.SequenceEqual(judged), $"\"{text}\" with budget {lengthBudget}");
        }
    }

    [Fact]
    public void Fast_screen_still_flags_every_red_flag_phrasing_the_safety_tests_use()
    {
        var screen = new RedFlagScreen(Rules, ContentCatalog.LoadEmbedded(), Options.Create(new ClinicOptions()));
        var alarms = RedFlagPhrasings.Alarms.Select(a => a.Text)
            .Concat(Rules.Decisions.Where(d => d.Alarm).Select(d => d.Phrase))
            // The depth tests also hold messages only the trained layer catches (Spanish, carbon monoxide): not the rules' to flag.
            .Concat(SafetyAtEveryDepthTests.Rows().Select(row => (string)row[1]).Where(t => Rules.MatchEveryRule(t).Count > 0));
        foreach (var text in alarms)
        {
            var alert = screen.Screen(text);
            Assert.True(alert is not null, $"\"{text}\" is a red flag but the screen let it pass");
            Assert.Equal(Rules.MatchEveryRule(text)[0].Id, alert.RuleId);
        }
    }

    [Fact]
    public void Most_ordinary_messages_need_no_rule_judged_in_full()
    {
        var ordinary = NluDataFile.LoadTraining().Utterances.Select(u => u.Text).Where(t => Rules.MatchEveryRule(t).Count == 0).ToList();
        var cleared = ordinary.Count(t => Rules.Candidates(t).Count == 0);
        Assert.True(cleared >= ordinary.Count * 0.9, $"only {cleared} of {ordinary.Count} ordinary messages were cleared without judging a rule");
        Assert.InRange(Rules.PrefilterPasses, 1, Rules.Rules.Count / 2);
    }

    [Fact]
    public void A_masked_idiom_keeps_its_rule_a_candidate()
    {
        // "dying to know" is masked by the crisis rule; masking changes the text the rule sees, so the rule is judged.
        Assert.Contains(Rules.Candidates("I'm dying to know which foods have magnesium"), r => r.Id == "crisis-wish-to-die");
        Assert.Empty(Rules.Match("I'm dying to know which foods have magnesium"));
    }
}
