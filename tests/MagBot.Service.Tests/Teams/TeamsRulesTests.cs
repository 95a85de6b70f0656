using MagBot.Service.Tests.Support;
using Newtonsoft.Json.Linq;

namespace MagBot.Service.Tests.Teams;

/// <summary>The Teams checks themselves catch what they claim to (so a passing behaviour test means something).</summary>
public sealed class TeamsRulesTests
{
    [Theory]
    [InlineData("""{"type":"message","text":"## Heading"}""", "heading")]
    [InlineData("""{"type":"message","text":"| a | b |\n|---|---|"}""", "table")]
    [InlineData("""{"type":"message","text":"Foods:\n- almonds"}""", "list")]
    [InlineData("""{"type":"message","text":"<b>hi</b>"}""", "HTML")]
    [InlineData("""{"type":"message","suggestedActions":{"actions":[{"type":"imBack"},{"type":"imBack"},{"type":"imBack"},{"type":"imBack"}]}}""", "4 suggested actions")]
    [InlineData("""{"type":"message","suggestedActions":{"actions":[{"type":"messageBack","displayText":"x"}]}}""", "messageBack")]
    [InlineData("""{"type":"message","attachments":[{"contentType":"application/vnd.microsoft.card.hero","content":{"buttons":[{"type":"postBack"}]}}]}""", "postBack")]
    [InlineData("""{"type":"message","attachments":[{"contentType":"application/vnd.microsoft.card.adaptive","content":{"version":"1.6","body":[]}}]}""", "1.6")]
    [InlineData("""{"type":"message","attachments":[{"contentType":"application/vnd.microsoft.card.adaptive","content":{"version":"1.5","actions":[{"type":"Action.Http"}]}}]}""", "Action.Http")]
    public void Flags_what_Teams_cannot_show(string activity, string expected)
    {
        var problems = TeamsRules.Problems(JObject.Parse(activity)).ToList();
        Assert.Contains(problems, p => p.Contains(expected));
    }

    [Fact]
    public void Accepts_the_Markdown_Teams_renders()
    {
        var activity = JObject.Parse("""{"type":"message","text":"**Bold**, _italic_, [link](https://ods.od.nih.gov/)\n• item\n1. first","suggestedActions":{"actions":[{"type":"imBack"},{"type":"openUrl"}]}}""");
        Assert.Empty(TeamsRules.Problems(activity));
    }
}
