using MagBot.Dialogs.Knowledge;

namespace MagBot.Cli.ContentReview;

/// <summary>
/// <c>magbot content-review [--months 12]</c>: lists every fact with its sources and review date, and flags what a
/// clinic's reviewer must look at: facts reviewed longer ago than the limit, and sources without a URL, without an
/// accessed date, or pointing at a search page instead of one label version. Exit code 0 when nothing is flagged,
/// 1 when something is, 2 for bad arguments, so it can gate a release.
/// </summary>
public static class ContentReviewCommand
{
    public const string Usage = "Usage: magbot content-review [--months 12]";

    public static int Run(IReadOnlyList<string> args, TextWriter output, TextWriter error, TimeProvider clock)
    {
        var months = 12;
        if (args.Count == 2 && args[0] == "--months" && int.TryParse(args[1], out var m) && m > 0) months = m;
        else if (args.Count != 0)
        {
            error.WriteLine(Usage);
            return 2;
        }

        var content = ContentCatalog.LoadEmbedded();
        var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        var facts = ReviewedFacts(content).ToList();
        var stale = facts.Where(f => f.Reviewed.AddMonths(months) < today).ToList();
        var weakSources = content.Sources.OrderBy(s => s.Id, StringComparer.Ordinal)
            .Select(s => (Source: s, Problems: SourceProblems(s))).Where(x => x.Problems.Count > 0).ToList();

        output.WriteLine($"Content review on {today:yyyy-MM-dd}: {facts.Count} facts, {content.Sources.Count} sources.");
        output.WriteLine();
        foreach (var f in facts)
        {
            var flag = stale.Contains(f) ? $"  REVIEW DUE (reviewed over {months} months ago)" : string.Empty;
            output.WriteLine($"{f.Id}  reviewed {f.Reviewed:yyyy-MM-dd}{flag}");
            foreach (var id in f.Sources)
                output.WriteLine($"    [{id}] {content.Source(id).Title} ({content.Source(id).Publisher})");
        }
        output.WriteLine();
        output.WriteLine($"Facts reviewed over {months} months ago: {stale.Count}");
        foreach (var f in stale) output.WriteLine($"  {f.Id} (reviewed {f.Reviewed:yyyy-MM-dd})");
        output.WriteLine($"Sources to fix: {weakSources.Count}");
        foreach (var (s, problems) in weakSources) output.WriteLine($"  {s.Id}: {string.Join("; ", problems)}");
        return stale.Count == 0 && weakSources.Count == 0 ? 0 : 1;
    }

    /// <summary>Every health statement with its review date: fact entries, and each row of the structured files,
    /// which carry one review date for the whole file.</summary>
    public static IEnumerable<ReviewedFact> ReviewedFacts(ContentCatalog content)
    {
        foreach (var e in content.Entries.Where(e => e.IsFact).OrderBy(e => e.Key, StringComparer.Ordinal))
            yield return new ReviewedFact(e.Key, e.Sources, e.Reviewed!.Value);
        var foods = FoodCatalog.LoadEmbedded(content);
        foreach (var f in foods.Foods)
            yield return new ReviewedFact($"foods.yaml: {f.Name}", [f.SourceId], foods.Reviewed);
        var lexicon = MedicationLexicon.LoadEmbedded(content);
        foreach (var c in lexicon.Classes)
            yield return new ReviewedFact($"medications.yaml: {c.Id}", c.Sources, lexicon.Reviewed);
        foreach (var c in lexicon.Conditions)
            yield return new ReviewedFact($"conditions.yaml: {c.Id}", c.Sources, lexicon.Reviewed);
    }

    public static IReadOnlyList<string> SourceProblems(ContentSource source)
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(source.Url)) problems.Add("no URL or DOI");
        else if (source.Url.Contains("search.cfm", StringComparison.OrdinalIgnoreCase) || source.Url.Contains("query=", StringComparison.OrdinalIgnoreCase))
            problems.Add("a search page, not one label version (use the DailyMed set ID)");
        if (source.Accessed is null) problems.Add("no accessed date");
        return problems;
    }
}

/// <summary>A health statement as a reviewer sees it: where it lives, what it cites, when it was last reviewed.</summary>
public sealed record ReviewedFact(string Id, IReadOnlyList<string> Sources, DateOnly Reviewed);
