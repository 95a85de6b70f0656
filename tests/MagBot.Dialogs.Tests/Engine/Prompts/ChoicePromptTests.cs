using MagBot.Dialogs.Engine;

namespace MagBot.Dialogs.Tests.Engine.Prompts;

/// <summary>The choice prompt offers each choice as a button, in the words of its key, and asks its recogniser delegate.</summary>
public sealed class ChoicePromptTests
{
    private static readonly PromptOptions Options = new()
    {
        PromptKey = "which",
        Choices = [new ChoiceKey("f", "group.female", "group.female.synonyms"), new ChoiceKey("m", "group.male")],
    };

    [Fact]
    public async Task Offers_the_choices_as_buttons_and_ends_with_the_value_chosen()
    {
        var harness = new EngineHarness(new ChoicePrompt(ByTitle), PromptTests.Asking(ChoicePrompt.DefaultId, Options));
        await harness.Flow("flow")
            .Send("hi").AssertReply(a => Assert.Equal(["group.female", "group.male"], KeyReplies.ButtonsOf(a)))
            .Send("group.male").AssertReply("ok m")
            .StartTestAsync();
    }

    [Fact]
    public async Task The_delegate_gets_the_text_and_the_choices_in_words()
    {
        var seen = new List<(string Text, IReadOnlyList<Choice> Choices)>();
        var prompt = new ChoicePrompt((text, choices) => { seen.Add((text, choices)); return null; });
        var harness = new EngineHarness(prompt, PromptTests.Asking(ChoicePrompt.DefaultId, Options));
        await harness.Flow("flow").Send("hi").AssertReply("which").Send("the first").AssertReply("which").StartTestAsync();

        var (text, choices) = seen[^1];
        Assert.Equal("the first", text);
        Assert.Equal("group.female", choices[0].Title);
        Assert.Equal(["group.female.synonyms"], choices[0].Synonyms);
        Assert.Null(choices[1].Synonyms);
    }

    [Fact]
    public void A_choice_prompt_needs_a_recogniser() =>
        Assert.Throws<ArgumentNullException>(() => new ChoicePrompt(null!));

    private static Choice? ByTitle(string text, IReadOnlyList<Choice> choices) => choices.FirstOrDefault(c => c.Title == text);
}
