using MagBot.Dialogs.Tests.Support;

namespace MagBot.Dialogs.Tests.Transcripts;

/// <summary>
/// The checked-in <c>*.transcript</c> files (open them in the Bot Framework Emulator) are replayed against
/// the bot: any change in wording, order or buttons fails here. To re-record after an intended change:
/// <c>MAGBOT_RECORD_TRANSCRIPTS=1 dotnet test --filter Record_transcripts</c>, then review the diff.
/// </summary>
public sealed class TranscriptTests
{
    /// <summary>The scripts the transcripts were recorded from: file name and the user's steps.</summary>
    public static readonly IReadOnlyDictionary<string, string[]> Scripts = new Dictionary<string, string[]>
    {
        ["welcome-fibromyalgia.transcript"] = [EmulatorTranscript.JoinStep, "Magnesium and fibromyalgia", "How magnesium works"],
        ["foods-age-sex.transcript"] = [EmulatorTranscript.JoinStep, "Foods with magnesium", "Yes", "34", "Female"],
        ["amounts-dose-above-limit.transcript"] = [EmulatorTranscript.JoinStep, "How much magnesium?", "Yes", "2000 mg", "45"],
        ["foods-interrupted-then-resumed.transcript"] = [EmulatorTranscript.JoinStep, "Foods with magnesium", "Yes", "tell me about migraine", "Yes, go back", "41", "Male"],
    };

    public static TheoryData<string> Files => [.. Scripts.Keys];

    [Theory]
    [MemberData(nameof(Files))]
    public async Task Transcript_replays_with_the_same_replies_and_buttons(string file)
    {
        var path = Path.Combine(RepoPaths.Transcripts, file);
        Assert.True(File.Exists(path), $"{path} is missing: record it (see the class comment).");
        var differences = await EmulatorTranscript.ReplayAsync(await File.ReadAllTextAsync(path));
        Assert.True(differences.Count == 0, $"{file} no longer matches the bot:\n" + string.Join("\n", differences));
    }

    [Fact]
    public void Every_transcript_file_has_a_script()
    {
        var onDisk = Directory.EnumerateFiles(RepoPaths.Transcripts, "*.transcript").Select(Path.GetFileName);
        Assert.Equal(Scripts.Keys.Order(), onDisk.Order());
    }

    [Fact]
    public async Task Replay_reports_a_changed_word()
    {
        var json = await File.ReadAllTextAsync(Path.Combine(RepoPaths.Transcripts, "amounts-dose-above-limit.transcript"));
        var altered = json.Replace("is more than the upper limit", "is over the upper limit", StringComparison.Ordinal);
        Assert.NotEqual(json, altered);
        var differences = await EmulatorTranscript.ReplayAsync(altered);
        Assert.Single(differences);
        Assert.Contains("is over the upper limit", differences[0]);
    }

    [Fact]
    public async Task Replay_reports_a_missing_button()
    {
        var json = await File.ReadAllTextAsync(Path.Combine(RepoPaths.Transcripts, "welcome-fibromyalgia.transcript"));
        var altered = json.Replace("\"title\": \"Side effects and cautions\"", "\"title\": \"Side effects\"", StringComparison.Ordinal);
        Assert.NotEqual(json, altered);
        Assert.NotEmpty(await EmulatorTranscript.ReplayAsync(altered));
    }

    /// <summary>Writes the transcripts from <see cref="Scripts"/> when MAGBOT_RECORD_TRANSCRIPTS=1; otherwise checks
    /// that recording now gives the same file (so a stale file is caught even if replay logic had a gap).</summary>
    [Fact]
    public async Task Record_transcripts()
    {
        var record = Environment.GetEnvironmentVariable("MAGBOT_RECORD_TRANSCRIPTS") == "1";
        foreach (var (file, steps) in Scripts)
        {
            var json = await EmulatorTranscript.RecordAsync(steps);
            var path = Path.Combine(RepoPaths.Transcripts, file);
            if (record) await File.WriteAllTextAsync(path, json);
            else Assert.Equal(await File.ReadAllTextAsync(path), json);
        }
    }
}
