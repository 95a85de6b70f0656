using MagBot.Cli.Unanswered;
using MagBot.Dialogs.Insights;
using MagBot.Dialogs.Tests.Support;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;

namespace MagBot.Dialogs.Tests.Insights;

/// <summary><c>magbot unanswered</c>: groups similar kept questions and prints them with counts, most asked first.</summary>
public sealed class UnansweredCommandTests
{
    [Fact]
    public void Similar_questions_fall_in_one_group_and_the_largest_comes_first()
    {
        var questions = new[]
        {
            "can magnesium help restless legs", "does magnesium help with restless legs", "magnesium for restless legs at night",
            "is magnesium safe for my dog", "can I give magnesium to dogs",
            "what about sleep apnea",
        }.Select((t, i) => new UnansweredQuestion { Text = t, At = DateTimeOffset.UnixEpoch.AddMinutes(i) });

        var groups = QuestionGrouper.Group(questions, 0.3);

        Assert.Equal([3, 2, 1], groups.Select(g => g.Count));
        Assert.Contains("restless legs", groups[0].Representative);
        Assert.Contains("dog", groups[1].Representative);
    }

    [Fact]
    public async Task It_reads_what_the_service_kept_and_prints_the_groups_with_counts()
    {
        var settings = new Dictionary<string, string?> { ["Insights:KeepUnanswered"] = "true" };
        using var conv = new BotConversation(settings);
        await conv.JoinAsync();
        foreach (var text in new[] { "zzqx florp blarg for Priya", "zzqx florp blarg again", "wibble wobble quux" }) await conv.SendAsync(text);

        // The stored item as the service keeps it, written to a file (a dump of the memory store).
        var item = (await conv.Services.GetRequiredService<IStorage>().ReadAsync([InsightStore.StorageKey]))[InsightStore.StorageKey];
        var path = Path.GetTempFileName();
        try
        {
            await File.WriteAllTextAsync(path, JObject.FromObject(item).ToString());
            var output = new StringWriter();
            var error = new StringWriter();

            var exit = await UnansweredCommand.RunAsync(["--file", path], output, error, TimeProvider.System);

            Assert.Equal(0, exit);
            var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.StartsWith("3 unanswered questions kept, 2 groups", lines[0]);
            Assert.Matches(@"^\s+2\s+zzqx florp blarg", lines[1]);
            Assert.DoesNotContain("Priya", output.ToString());
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("--file")]
    [InlineData("--file a.json --redis localhost")]
    [InlineData("--similarity 7 --file a.json")]
    public async Task Bad_arguments_print_the_usage_and_exit_2(string args)
    {
        var error = new StringWriter();
        var list = args.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, await UnansweredCommand.RunAsync(list, new StringWriter(), error, TimeProvider.System));
        Assert.Contains("magbot unanswered", error.ToString());
    }

    [Fact]
    public async Task A_missing_file_is_a_clear_error_not_a_crash()
    {
        var error = new StringWriter();
        Assert.Equal(1, await UnansweredCommand.RunAsync(["--file", "/nonexistent/dump.json"], new StringWriter(), error, TimeProvider.System));
        Assert.Contains("Could not read", error.ToString());
    }
}
