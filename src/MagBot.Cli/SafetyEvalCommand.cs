using System.Globalization;
using MagBot.Dialogs;
using MagBot.Dialogs.Bot;
using MagBot.Dialogs.Safety;
using MagBot.Dialogs.Safety.Classification;
using Microsoft.Extensions.DependencyInjection;

namespace MagBot.Cli;

/// <summary>
/// <c>magbot safety-eval FILE...</c>: scores the safety screen on labelled messages (one per line, <c>label&lt;TAB&gt;text</c>,
/// labels as in tests/safety/README.md) and prints, per label, how many got the help they need, how many got the reply
/// of exactly their kind, and what each layer (rules, classifier) caught on its own.
/// <c>--mistakes</c> also lists every miss and false alarm. Exit codes: 0 evaluated, 1 a file cannot be used, 2 bad arguments.
/// </summary>
public static class SafetyEvalCommand
{
    public const string Usage = "Usage: magbot safety-eval [--mistakes] [--locale es-US] FILE [FILE...]\n" +
                                "       magbot safety-eval --cross-validate [--folds 5] [--mistakes]\n" +
                                "       (--alarm P, --net P, --crisis P, --crisis-quiet P, --veto P and --crisis-veto P try other thresholds of the trained layer)";

    public static int Run(IReadOnlyList<string> args, TextWriter output, TextWriter error)
    {
        var files = new List<string>();
        var mistakes = false;
        var crossValidate = false;
        var folds = 5;
        var thresholds = SafetyThresholds.Default;
        string? locale = null;
        for (var i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--mistakes": mistakes = true; break;
                case "--locale" when i + 1 < args.Count: locale = args[++i]; break;
                case "--cross-validate": crossValidate = true; break;
                case "--alarm" when i + 1 < args.Count: thresholds = thresholds with { Alarm = float.Parse(args[++i], CultureInfo.InvariantCulture) }; break;
                case "--net" when i + 1 < args.Count: thresholds = thresholds with { SafetyNet = float.Parse(args[++i], CultureInfo.InvariantCulture) }; break;
                case "--veto" when i + 1 < args.Count: thresholds = thresholds with { RuleVeto = float.Parse(args[++i], CultureInfo.InvariantCulture) }; break;
                case "--crisis" when i + 1 < args.Count: thresholds = thresholds with { Crisis = float.Parse(args[++i], CultureInfo.InvariantCulture) }; break;
                case "--crisis-quiet" when i + 1 < args.Count: thresholds = thresholds with { CrisisQuiet = float.Parse(args[++i], CultureInfo.InvariantCulture) }; break;
                case "--crisis-veto" when i + 1 < args.Count: thresholds = thresholds with { CrisisVeto = float.Parse(args[++i], CultureInfo.InvariantCulture) }; break;
                case "--folds" when i + 1 < args.Count && int.TryParse(args[i + 1], out folds) && folds >= 2: i++; break;
                case var a when a.StartsWith('-'):
                    error.WriteLine($"Unknown or incomplete option '{a}'.\n{Usage}");
                    return 2;
                default: files.Add(args[i]); break;
            }
        }
        if (crossValidate) return CrossValidate(folds, thresholds, mistakes, output);
        if (files.Count == 0)
        {
            error.WriteLine($"safety-eval needs at least one labelled file.\n{Usage}");
            return 2;
        }

        List<SafetyExample> examples;
        try
        {
            examples = [.. files.SelectMany(SafetyExample.Load)];
        }
        catch (Exception ex) when (ex is IOException or FormatException or UnauthorizedAccessException)
        {
            error.WriteLine($"Cannot evaluate: {ex.Message}");
            return 1;
        }

        using var services = InProcessBot.Create();
        var screen = services.GetRequiredService<ISafetyScreen>();
        if (thresholds != SafetyThresholds.Default && screen is LayeredSafetyScreen custom)
            screen = custom.WithModel(services.GetRequiredService<ConversationStartup>().SafetyModel.GetAwaiter().GetResult(), thresholds);
        var layered = screen as LayeredSafetyScreen;
        var rows = examples.Select(e =>
        {
            var alert = screen.Screen(e.Text, locale);
            var verdict = layered?.Judge(e.Text, locale);
            return new SafetyOutcome(e, alert?.Categories ?? [], verdict?.RuleCategories, verdict?.ClassifierCategory);
        }).ToList();
        new SafetyReportWriter(output).Write(rows, string.Join(", ", files), mistakes);
        return 0;
    }

    /// <summary>K-fold cross-validation over the training data: each fold is screened by a model trained on the others
    /// (with the rules and thresholds of the real screen). For choosing thresholds and features without the held-out sets.</summary>
    private static int CrossValidate(int folds, SafetyThresholds thresholds, bool mistakes, TextWriter output)
    {
        using var services = InProcessBot.Create();
        if (services.GetRequiredService<ISafetyScreen>() is not LayeredSafetyScreen screen)
            throw new InvalidOperationException("Cross-validation needs the layered safety screen.");
        var data = SafetyTrainingData.LoadEmbedded()
            .Where(e => SafetyLabels.All.Contains(e.Label))
            .Select((e, i) => new SafetyExample("training", i + 1, e.Label, e.Text))
            .ToList();
        var fold = new int[data.Count];
        var random = new Random(7);
        for (var i = 0; i < fold.Length; i++) fold[i] = random.Next(folds);
        var rows = new List<SafetyOutcome>();
        var training = TimeSpan.Zero;
        for (var f = 0; f < folds; f++)
        {
            var cpu = Environment.CpuUsage.UserTime;
            var model = SafetyModel.Train([.. data.Where((_, i) => fold[i] != f).Select(e => (e.Text, e.Label))]);
            training += Environment.CpuUsage.UserTime - cpu;
            var foldScreen = screen.WithModel(model, thresholds);
            rows.AddRange(data.Where((_, i) => fold[i] == f).Select(e =>
            {
                var verdict = foldScreen.Judge(e.Text);
                return new SafetyOutcome(e, verdict.Alert?.Categories ?? [], verdict.RuleCategories, verdict.ClassifierCategory);
            }));
        }
        new SafetyReportWriter(output).Write(rows, $"{folds}-fold cross-validation on the training data", mistakes);
        output.WriteLine(string.Format(CultureInfo.InvariantCulture, "training: {0:0.00} s of processor time per fold ({1} examples each)",
            training.TotalSeconds / folds, data.Count * (folds - 1) / folds));
        return 0;
    }
}

/// <summary>One labelled message of a safety evaluation file.</summary>
public sealed record SafetyExample(string File, int Line, string Label, string Text)
{
    public static IEnumerable<SafetyExample> Load(string file)
    {
        var lineNo = 0;
        foreach (var line in System.IO.File.ReadLines(file))
        {
            lineNo++;
            if (line.Length == 0 || line.StartsWith('#')) continue;
            var tab = line.IndexOf('\t');
            if (tab <= 0) throw new FormatException($"{file}:{lineNo}: expected 'label<TAB>text'.");
            var label = line[..tab].Trim();
            if (!SafetyLabels.All.Contains(label))
                throw new FormatException($"{file}:{lineNo}: unknown label '{label}'. Labels: {string.Join(", ", SafetyLabels.All)}.");
            yield return new SafetyExample(file, lineNo, label, line[(tab + 1)..]);
        }
    }
}

/// <summary>What the screen did with one example: the categories of the whole screen and, where known, of each layer alone.</summary>
public sealed record SafetyOutcome(SafetyExample Example, IReadOnlyList<string> Categories, IReadOnlyList<string>? RuleCategories, string? ClassifierCategory)
{
    public bool Helped => SafetyLabels.Helps(Example.Label, Categories);
    public bool Exact => Example.Label == SafetyLabels.Ordinary ? Helped : Categories.Contains(Example.Label);
    public bool? RulesHelped => RuleCategories is null ? null : SafetyLabels.Helps(Example.Label, RuleCategories);
    public bool? ClassifierHelped => ClassifierCategory is null && RuleCategories is null ? null
        : SafetyLabels.Helps(Example.Label, ClassifierCategory is null ? [] : [ClassifierCategory]);
}

/// <summary>Prints the per-label table: the figures the safety issue's targets are stated in.</summary>
public sealed class SafetyReportWriter(TextWriter output)
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public void Write(IReadOnlyList<SafetyOutcome> rows, string title, bool mistakes)
    {
        output.WriteLine($"== Safety screen: {title} ({rows.Count} messages)");
        output.WriteLine("helped: an alarm that gives the help this label needs (ordinary: no reply from the screen at all; symptom: the safety net or an alarm)");
        output.WriteLine($"{"label",-22} {"n",4} {"helped",8} {"exact",7} {"rules",7} {"model",7}");
        foreach (var group in rows.GroupBy(r => r.Example.Label).OrderBy(g => Array.IndexOf(SafetyLabels.Ordered, g.Key)))
        {
            var n = group.Count();
            output.WriteLine(string.Format(Inv, "{0,-22} {1,4} {2,8:0.0%} {3,7:0.0%} {4,7} {5,7}", group.Key, n,
                group.Count(r => r.Helped) / (double)n, group.Count(r => r.Exact) / (double)n,
                Layer(group, r => r.RulesHelped), Layer(group, r => r.ClassifierHelped)));
        }
        var alarms = rows.Where(r => SafetyLabels.IsAlarm(r.Example.Label)).ToList();
        var ordinary = rows.Where(r => r.Example.Label == SafetyLabels.Ordinary).ToList();
        if (alarms.Count > 0)
            output.WriteLine(string.Format(Inv, "all alarm labels: helped {0:0.0%} ({1}/{2}); lowest label {3:0.0%}", alarms.Count(r => r.Helped) / (double)alarms.Count,
                alarms.Count(r => r.Helped), alarms.Count,
                alarms.GroupBy(r => r.Example.Label).Min(g => g.Count(r => r.Helped) / (double)g.Count())));
        if (ordinary.Count > 0)
            output.WriteLine(string.Format(Inv, "ordinary quiet {0:0.0%} ({1}/{2})", ordinary.Count(r => r.Helped) / (double)ordinary.Count,
                ordinary.Count(r => r.Helped), ordinary.Count));
        if (!mistakes) return;
        output.WriteLine();
        output.WriteLine("== Misses and false alarms");
        foreach (var r in rows.Where(r => !r.Helped).OrderBy(r => r.Example.Label, StringComparer.Ordinal))
        {
            var got = r.Categories.Count == 0 ? "(quiet)" : string.Join("+", r.Categories);
            // Which layer said what, so a reader knows whether a rule or the classifier needs other examples.
            var rules = r.RuleCategories is { Count: > 0 } rc ? string.Join("+", rc) : "-";
            var layers = $"[rules {rules}, model {r.ClassifierCategory ?? "-"}]";
            output.WriteLine($"{r.Example.Label,-20} got {got,-28} {layers,-40} \"{r.Example.Text}\"");
        }
    }

    private static string Layer(IEnumerable<SafetyOutcome> group, Func<SafetyOutcome, bool?> helped)
    {
        var values = group.Select(helped).ToList();
        return values.Any(v => v is null) ? "-" : (values.Count(v => v == true) / (double)values.Count).ToString("0.0%", Inv);
    }
}
