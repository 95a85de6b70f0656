using MagBot.Dialogs.Knowledge;
using MagBot.Dialogs.Topics;
using MagBot.Dialogs.Understanding;

namespace MagBot.Dialogs.Tests.Topics;

/// <summary>One answer to "is this text a topic button?", for the runner and the medication check alike.</summary>
public sealed class TopicCatalogTests
{
    private static readonly ContentCatalog Content = ContentCatalog.LoadEmbedded();

    [Theory]
    [InlineData("Foods with magnesium", Intents.Foods)]
    [InlineData("  foods with MAGNESIUM \n", Intents.Foods)]   // case and surrounding white space do not matter
    [InlineData("Check my medications", Intents.MedicationCheck)]
    public void A_button_title_gives_its_intent(string text, string intent)
    {
        Assert.Equal(intent, TopicCatalog.Embedded.ButtonIntent(text, Content));
        Assert.True(TopicCatalog.Embedded.IsButton(text, Content));
    }

    [Theory]
    [InlineData("foods")]                                       // part of a title is a message, not a button
    [InlineData("which foods have magnesium")]
    [InlineData("")]
    [InlineData(null)]
    public void Other_text_is_not_a_button(string? text)
    {
        Assert.Null(TopicCatalog.Embedded.ButtonIntent(text, Content));
        Assert.False(TopicCatalog.Embedded.IsButton(text, Content));
    }

    [Fact]
    public void Every_button_title_is_recognised_as_its_own_intent() =>
        Assert.All(TopicCatalog.Embedded.Buttons, b => Assert.Equal(b.Intent, TopicCatalog.Embedded.ButtonIntent(Content.Text(b.TitleKey), Content)));
}
