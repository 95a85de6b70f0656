using MagBot.Cli.ContentReview;
using MagBot.Dialogs.Knowledge;

namespace MagBot.Dialogs.Tests.Knowledge;

/// <summary><c>magbot content-review</c>: every fact with its sources and review date; stale facts and weak sources flagged.</summary>
public sealed class ContentReviewCommandTests
{
    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
        public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;
    }

    private static (int Exit, string Output) Run(DateTimeOffset today, params string[] args)
    {
        var output = new StringWriter();
        var exit = ContentReviewCommand.Run(args, output, new StringWriter(), new FixedClock(today));
        return (exit, output.ToString());
    }

    [Fact]
    public void Lists_every_fact_with_its_sources_and_review_date()
    {
        var (_, output) = Run(new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero));
        Assert.Contains("fibromyalgia.trial  reviewed 2026-11-29", output);
        Assert.Contains("    [macian-2022] Short-Term Magnesium Therapy", output);
        Assert.Contains("foods.yaml: Avocado, cubed  reviewed 2026-11-29", output);
        Assert.Contains("conditions.yaml: pregnancy", output);
        Assert.Contains("Facts reviewed over 12 months ago: 0", output);
        var facts = ContentReviewCommand.ReviewedFacts(ContentCatalog.LoadEmbedded()).ToList();
        Assert.All(facts, f => Assert.Contains(f.Id + "  reviewed ", output));
    }

    [Fact]
    public void Flags_facts_reviewed_more_than_12_months_before_the_clock_says_today()
    {
        var (exit, output) = Run(new DateTimeOffset(2027, 12, 1, 0, 0, 0, TimeSpan.Zero));
        Assert.Equal(1, exit);
        Assert.Contains("fibromyalgia.trial  reviewed 2026-11-29  REVIEW DUE", output);
        Assert.DoesNotContain("Facts reviewed over 12 months ago: 0", output);
        var (_, sameDayNextYear) = Run(new DateTimeOffset(2027, 11, 29, 0, 0, 0, TimeSpan.Zero));
        Assert.DoesNotContain("fibromyalgia.trial  reviewed 2026-11-29  REVIEW DUE", sameDayNextYear);
    }

    [Fact]
    public void Flags_sources_without_a_url_or_accessed_date_or_with_a_search_page()
    {
        Assert.Equal(["no URL or DOI", "no accessed date"], ContentReviewCommand.SourceProblems(new ContentSource("x", "T", "P", null, null, null)));
        Assert.Empty(ContentReviewCommand.SourceProblems(new ContentSource("x", "T", "P", "https://doi.org/10.1/x", null, new DateOnly(2026, 11, 29))));

        var (exit, output) = Run(new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero));
        // Two label sources are still flagged: Neurontin points at a DailyMed search, and the antacid labels that could
        // not be found offline have no accessed date. Each stays flagged until a reviewer reads the label and records
        // its set ID or label page. (Cipro's, levofloxacin's, AmBisome's and three antacid labels were read.)
        Assert.Equal(1, exit);
        Assert.Contains("Sources to fix: 2", output);
        Assert.Contains("fda-label-gabapentin: a search page, not one label version", output);
    }

    [Fact]
    public void Refuses_unknown_arguments() => Assert.Equal(2, Run(DateTimeOffset.UnixEpoch, "--weeks", "3").Exit);
}
