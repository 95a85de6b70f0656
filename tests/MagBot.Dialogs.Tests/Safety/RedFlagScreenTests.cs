using System.Diagnostics;
using MagBot.Dialogs.Knowledge;
using MagBot.Dialogs.Safety;
using Microsoft.Extensions.Options;

namespace MagBot.Dialogs.Tests.Safety;

/// <summary>The red-flag rules on their own (no bot): many phrasings both sides, the recorded decisions, the file itself.</summary>
public sealed class RedFlagScreenTests
{
    private static readonly RedFlagRuleSet Rules = RedFlagRuleSet.Embedded;

    public static TheoryData<string, string> AlarmRows()
    {
        var rows = new TheoryData<string, string>();
        foreach (var (text, category) in RedFlagPhrasings.Alarms) rows.Add(text, category);
        return rows;
    }

    public static TheoryData<string> CalmRows() => [.. RedFlagPhrasings.Calm];

    public static TheoryData<string, string, string> DecisionRows()
    {
        var rows = new TheoryData<string, string, string>();
        foreach (var d in Rules.Decisions) rows.Add(d.Phrase, d.Category ?? "no", d.Why);
        return rows;
    }

    [Theory]
    [MemberData(nameof(AlarmRows))]
    public void Red_flag_phrasing_raises_its_category(string text, string category)
    {
        var raised = Rules.Match(text).Select(r => r.Category.Name).Distinct().ToList();
        Assert.True(raised.Contains(category), $"\"{text}\" should raise '{category}', raised [{string.Join(", ", raised)}]");
    }

    [Theory]
    [MemberData(nameof(CalmRows))]
    public void Calm_phrasing_raises_nothing(string text)
    {
        var raised = Rules.Match(text).Select(r => r.Id).ToList();
        Assert.True(raised.Count == 0, $"\"{text}\" should be calm, but matched [{string.Join(", ", raised)}]");
    }

    [Theory]
    [MemberData(nameof(DecisionRows))]
    public void Recorded_decision_holds(string phrase, string alarm, string why)
    {
        var raised = Rules.Match(phrase).Select(r => r.Category.Name).Distinct().ToList();
        if (alarm == "no") Assert.True(raised.Count == 0, $"Decided calm ({why}) but raised [{string.Join(", ", raised)}]: \"{phrase}\"");
        else Assert.True(raised.Contains(alarm), $"Decided '{alarm}' ({why}) but raised [{string.Join(", ", raised)}]: \"{phrase}\"");
    }

    [Fact]
    public void Phrasing_tables_are_large_enough_and_cover_every_category()
    {
        Assert.True(RedFlagPhrasings.Alarms.Length >= 120, $"{RedFlagPhrasings.Alarms.Length} alarm phrasings; at least 120 wanted");
        Assert.True(RedFlagPhrasings.Calm.Length >= 80, $"{RedFlagPhrasings.Calm.Length} calm phrasings; at least 80 wanted");
        var tested = RedFlagPhrasings.Alarms.Select(a => a.Category).ToHashSet();
        // Every category a rule can raise ("symptom" is the trained layer's alone: see SafetyClassifierTests).
        var ruled = Rules.Rules.Select(r => r.Category.Name).ToHashSet();
        Assert.All(ruled, c => Assert.Contains(c, tested));
    }

    [Fact]
    public void Every_rule_is_exercised_by_some_alarm_phrasing()
    {
        var hit = RedFlagPhrasings.Alarms.SelectMany(a => Rules.Match(a.Text)).Select(r => r.Id).ToHashSet();
        var unexercised = Rules.Rules.Select(r => r.Id).Where(id => !hit.Contains(id)).ToList();
        Assert.True(unexercised.Count == 0, "Rules no phrasing exercises: " + string.Join(", ", unexercised));
    }

    [Fact]
    public void No_conversational_wording_or_button_title_raises_a_red_flag()
    {
        // Buttons send their title back as the user's message: a button that trips a red flag would
        // turn a click into an emergency reply. Responses hold all button titles and prompts.
        var responses = ContentCatalog.LoadEmbedded().Entries.Where(e => !e.IsFact).ToList();
        Assert.NotEmpty(responses);
        Assert.All(responses, e => Assert.True(Rules.Match(e.Text).Count == 0,
            $"{e.File}: {e.Key} raises [{string.Join(", ", Rules.Match(e.Text).Select(r => r.Id))}]"));
    }

    [Fact]
    public void Every_rule_cites_sources_that_exist()
    {
        var content = ContentCatalog.LoadEmbedded();
        Assert.All(Rules.Rules, r =>
        {
            Assert.NotEmpty(r.Sources);
            Assert.All(r.Sources, s => Assert.True(content.HasSource(s), $"{r.Id} cites unknown source {s}"));
        });
    }

    [Fact]
    public void Every_category_reply_is_a_sourced_fact_whose_first_line_is_the_action()
    {
        var content = ContentCatalog.LoadEmbedded();
        Assert.All(Rules.Categories.Where(c => SafetyCategories.IsAlarm(c.Name)), c =>
        {
            var entry = content.Entry(c.ReplyKey);
            Assert.True(entry.IsFact && entry.Reviewed is not null, $"{c.ReplyKey} must be a reviewed fact");
            var firstLine = entry.Text.Split('\n')[0];
            Assert.Matches("(?i)call|see a doctor", firstLine);
            Assert.Contains("stopped our chat", entry.Text, StringComparison.Ordinal); // says the conversation stops here

            var spanish = content.Entry(c.ReplyKey + ".es");
            Assert.True(spanish.IsFact && spanish.Sources.SequenceEqual(entry.Sources), $"{c.ReplyKey}.es must cite what {c.ReplyKey} cites");
            Assert.Matches("(?i)llame|vea a un m", spanish.Text.Split('\n')[0]);
            Assert.Contains("detuve nuestra conversaci", spanish.Text, StringComparison.Ordinal);
        });
    }

    [Theory]
    [InlineData("crisis", "{crisisLine}")]
    [InlineData("poisoning", "{poisonControl}")]
    [InlineData("intentional_overdose", "{emergencyNumber}")]
    [InlineData("emergency", "{emergencyNumber}")]
    [InlineData("stroke", "{emergencyNumber}")]
    [InlineData("heart", "{emergencyNumber}")]
    [InlineData("pregnancy", "{emergencyNumber}")]
    [InlineData("breathing_allergy", "{emergencyNumber}")]
    [InlineData("seizure", "{emergencyNumber}")]
    [InlineData("head_injury", "{emergencyNumber}")]
    [InlineData("headache_emergency", "{emergencyNumber}")]
    [InlineData("meningitis", "{emergencyNumber}")]
    [InlineData("carbon_monoxide", "{emergencyNumber}")]
    [InlineData("mg_toxicity", "{emergencyNumber}")]
    public void Reply_first_line_names_the_number_to_call(string category, string placeholder)
    {
        var content = ContentCatalog.LoadEmbedded();
        var key = Rules.Categories.Single(c => c.Name == category).ReplyKey;
        Assert.Contains(placeholder, content.Entry(key).Text.Split('\n')[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Screen_fills_configured_numbers_and_sends_two_replies_when_two_categories_are_raised()
    {
        var clinic = Options.Create(new ClinicOptions { EmergencyNumber = "112", CrisisLine = "116 123", PoisonControl = "0800 POISON" });
        var screen = new RedFlagScreen(Rules, ContentCatalog.LoadEmbedded(), clinic);
        var alert = screen.Screen("I took the whole bottle because I want to die");
        Assert.NotNull(alert);
        Assert.Equal(2, alert.Replies.Count);
        Assert.Contains("0800 POISON", alert.Replies[0].Text);
        Assert.Contains("116 123", alert.Replies[1].Text);
        Assert.DoesNotContain("911", string.Join(" ", alert.Replies.Select(r => r.Text)));
        Assert.DoesNotContain("{", string.Join(" ", alert.Replies.Select(r => r.Text)));
    }

    [Fact]
    public void Screen_returns_null_for_calm_text()
    {
        var screen = new RedFlagScreen(Rules, ContentCatalog.LoadEmbedded(), Options.Create(new ClinicOptions()));
        Assert.Null(screen.Screen("what foods have magnesium?"));
        Assert.Null(screen.Screen(null));
    }

    [Fact]
    public void Red_flag_at_the_end_of_a_100_kb_message_is_found_quickly()
    {
        var filler = string.Concat(Enumerable.Repeat("I have fibromyalgia and wonder about foods. ", 2200));
        var text = filler + "Also I want to kill myself.";
        Assert.InRange(text.Length, 95_000, 100_000);
        Rules.Match("warm up");
        var clock = Stopwatch.StartNew();
        var raised = Rules.Match(text);
        clock.Stop();
        Assert.Contains(raised, r => r.Category.Name == "crisis");
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2), $"Screening 100 KB took {clock.Elapsed.TotalMilliseconds:0} ms");
    }

    [Fact]
    public void Broken_rules_file_fails_with_the_rule_named()
    {
        var content = ContentCatalog.LoadEmbedded();
        const string yaml = """
            schemaVersion: 1
            kind: red-flags
            categories:
              - name: emergency
                reply: redflag.emergency
            rules:
              - id: bad-rule
                category: emergency
                sources: [nice-cg150]
                when: ['{nosuchterm} headache']
            """;
        var e = Assert.Throws<ContentValidationException>(() => RedFlagRuleSet.Load(yaml, content));
        Assert.Contains("bad-rule", e.Message);
        Assert.Contains("nosuchterm", e.Message);
    }

    [Fact]
    public void Rule_without_sources_fails_to_load()
    {
        var content = ContentCatalog.LoadEmbedded();
        const string yaml = """
            schemaVersion: 1
            kind: red-flags
            categories:
              - name: emergency
                reply: redflag.emergency
            rules:
              - id: unsourced
                category: emergency
                when: ['headache']
            """;
        var e = Assert.Throws<ContentValidationException>(() => RedFlagRuleSet.Load(yaml, content));
        Assert.Contains("unsourced", e.Message);
    }
}
