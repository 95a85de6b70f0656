using MagBot.Cli;

namespace MagBot.Dialogs.Tests.Understanding;

/// <summary>`magbot nlu-eval FILE` as a user runs it: its output and exit code.</summary>
public sealed class NluEvalCommandTests
{
    [Fact]
    public void Evaluating_the_held_out_file_prints_the_rasa_style_report()
    {
        var output = new StringWriter();
        var error = new StringWriter();

        var code = NluEvalCommand.Run([LabelledData.PathOf("nlu.heldout.yaml")], output, error);

        Assert.Equal(0, code);
        var text = output.ToString();
        Assert.Contains("precision", text, StringComparison.Ordinal);
        Assert.Matches(@"accuracy \d+\.\d% \(\d+/\d+\)", text);
        Assert.Contains("== Confusion", text, StringComparison.Ordinal);
        Assert.Contains("== Intent mistakes", text, StringComparison.Ordinal);
        Assert.Contains("delete_my_data", text, StringComparison.Ordinal);
        Assert.Equal(string.Empty, error.ToString());
    }

    [Fact]
    public void A_bad_file_exits_non_zero_naming_file_and_line()
    {
        var path = Path.Combine(Path.GetTempPath(), $"magbot-bad-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(path, "version: 1\nintents:\n  - intent: greeting\n    examples:\n      - hi\n  - intent: nonsense\n    examples:\n      - x\n");
        try
        {
            var error = new StringWriter();

            var code = NluEvalCommand.Run([path], new StringWriter(), error);

            Assert.Equal(1, code);
            Assert.Contains($"{path}:6:", error.ToString(), StringComparison.Ordinal);
            Assert.Contains("unknown intent 'nonsense'", error.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void A_missing_file_exits_non_zero_with_its_name()
    {
        var error = new StringWriter();

        var code = NluEvalCommand.Run(["/nonexistent/labels.yaml"], new StringWriter(), error);

        Assert.Equal(1, code);
        Assert.Contains("/nonexistent/labels.yaml", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void No_file_is_a_usage_error()
    {
        var error = new StringWriter();

        Assert.Equal(2, NluEvalCommand.Run([], new StringWriter(), error));
        Assert.Contains("Usage", error.ToString(), StringComparison.Ordinal);
    }
}
