using MagBot.Dialogs.Replies;
using Microsoft.Bot.Connector;

namespace MagBot.Dialogs.Tests.Replies;

public sealed class TeamsMarkdownTests
{
    [Theory]
    [InlineData("## Foods with magnesium", "**Foods with magnesium**")]
    [InlineData("# Title #", "**Title**")]
    [InlineData("Intro\n- pumpkin seeds\n- almonds", "Intro\n• pumpkin seeds\n• almonds")]
    [InlineData("* one\n+ two", "• one\n• two")]
    [InlineData("Above\n---\nBelow", "Above\nBelow")]
    [InlineData("**bold**, _italic_ and [a link](https://ods.od.nih.gov/)", "**bold**, _italic_ and [a link](https://ods.od.nih.gov/)")]
    [InlineData("1. first\n2. second", "1. first\n2. second")]
    [InlineData("\\- escaped user text", "\\- escaped user text")]
    [InlineData("a - b - c", "a - b - c")]
    public void Adapts_markdown_to_what_Teams_renders_on_every_platform(string input, string expected) =>
        Assert.Equal(expected, TeamsMarkdown.Adapt(input));

    [Fact]
    public void Renderer_adapts_text_for_Teams_only()
    {
        var reply = new Reply { Text = "## Heading\n- item" };
        Assert.Equal("**Heading**\n• item", ReplyRenderer.Render(reply, Channels.Msteams).Text);
        Assert.Equal("## Heading\n- item", ReplyRenderer.Render(reply, Channels.Webchat).Text);
    }
}
