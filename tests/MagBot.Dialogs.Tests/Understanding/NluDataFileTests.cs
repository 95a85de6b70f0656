using MagBot.Dialogs.Understanding.Labelled;

namespace MagBot.Dialogs.Tests.Understanding;

public sealed class NluDataFileTests
{
    [Theory]
    [InlineData("version: 1\nintents:\n  - intent: migrane\n    examples:\n      - hi\n", 3, "unknown intent 'migrane'")]
    [InlineData("version: 1\nintents:\n  - intent: greeting\n    examples:\n      - hi\n      - Hi!\n", 6, "appears more than once")]
    [InlineData("version: 2\nintents: []\n", 1, "version '2' is not supported")]
    [InlineData("version: 1\nintents:\n  - intent: greeting\n    exampels:\n      - hi\n", 4, "unexpected key 'exampels'")]
    [InlineData("version: 1\nintents:\n  - intent: greeting\n    examples:\n      - [hi\n", 6, "not valid YAML")]
    [InlineData("version: 1\nmedications:\n  - text: norvasc\n", 3, "needs 'expect'")]
    [InlineData("version: 1\nintents:\n  - intent: greeting\n    examples:\n      - \"\"\n", 5, "non-empty text")]
    public void Bad_file_names_the_line_and_the_problem(string yaml, int line, string problem)
    {
        var ex = Assert.Throws<NluDataException>(() => NluDataFile.Parse(yaml, "bad.yaml"));

        Assert.Equal(line, ex.Line);
        Assert.Contains(problem, ex.Message, StringComparison.Ordinal);
        Assert.StartsWith($"bad.yaml:{line}:", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Labelled_files_in_the_repository_load()
    {
        Assert.True(NluDataFile.LoadTraining().Utterances.Count >= 300);
        Assert.True(LabelledData.HeldOut.Utterances.Count >= 100);
        var medications = LabelledData.Medications.Medications;
        Assert.True(medications.Sum(m => m.Expected.Count) >= 150, "at least 150 medication mentions");
        Assert.Contains(medications, m => m.Expected.Count == 0);
        Assert.Contains(medications, m => m.Expected.Count >= 3);
    }

    [Fact]
    public void Every_cue_names_a_known_intent_and_the_file_parses_them()
    {
        var cues = NluDataFile.LoadTraining().Cues;

        Assert.NotEmpty(cues);
        Assert.All(cues, c => Assert.NotEmpty(c.Value));
    }
}
