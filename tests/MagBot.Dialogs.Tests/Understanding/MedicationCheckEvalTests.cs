using System.Text.RegularExpressions;
using MagBot.Cli;

namespace MagBot.Dialogs.Tests.Understanding;

/// <summary><c>magbot nlu-eval --medication-check FILE.tsv</c> on the developers' own set (never the blind one):
/// the figures issue 15 asks for are printed, and the set meets the issue's targets.</summary>
public sealed partial class MedicationCheckEvalTests
{
    [Fact]
    public void The_report_prints_the_issue_figures_and_the_developer_set_meets_the_targets()
    {
        var output = new StringWriter();
        var error = new StringWriter();

        var code = NluEvalCommand.Run(["--medication-check", LabelledData.PathOf("medication-check.dev.tsv")], output, error);

        Assert.Equal(0, code);
        var text = output.ToString();
        Assert.True(Percent(text, "medicine recall") >= 98, text);
        Assert.True(Percent(text, "medicine precision") >= 95, text);
        Assert.Matches(@"ordinary words taken for medicines\s+0\b", text);
        Assert.Equal(100, Percent(text, "own magnesium recognised"));
        Assert.Equal(100, Percent(text, "answers that stay in the check"));
        Assert.Contains("mistakes not shown", text);
        Assert.Equal(string.Empty, error.ToString());
    }

    [Fact]
    public void Mistakes_are_listed_only_when_asked()
    {
        var path = Path.Combine(Path.GetTempPath(), $"magbot-check-{Guid.NewGuid():N}.tsv");
        File.WriteAllText(path, "sertraline\tzoloft\nmetformin\tthe glucose one\n");
        try
        {
            var output = new StringWriter();
            Assert.Equal(0, NluEvalCommand.Run(["--medication-check", path, "--show-mistakes"], output, new StringWriter()));
            Assert.Contains("missed [metformin]", output.ToString());
            Assert.Contains("medicine recall                           50.0%", output.ToString());
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static double Percent(string report, string label)
    {
        var m = Regex.Match(report, Regex.Escape(label) + @"\s+([\d.]+)%");
        Assert.True(m.Success, $"'{label}' not in the report:\n{report}");
        return double.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
    }
}
