using MagBot.Dialogs.Engine;

namespace MagBot.Dialogs.Tests.Engine.Prompts;

/// <summary>The yes/no prompt: its recogniser delegate decides what yes and no are; the prompt keeps the answer it reads.</summary>
public sealed class ConfirmPromptTests
{
    [Theory]
    [InlineData("yep", "ok True")]
    [InlineData("nah", "ok False")]
    public async Task Takes_what_the_delegate_reads(string answer, string expected)
    {
        var prompt = new ConfirmPrompt(t => t == "yep" ? true : t == "nah" ? false : null);
        var harness = new EngineHarness(prompt, PromptTests.Asking(ConfirmPrompt.DefaultId, new() { PromptKey = "sure?" }));
        await harness.Flow("flow").Send("hi").AssertReply("sure?").Send(answer).AssertReply(expected).StartTestAsync();
    }

    [Fact]
    public async Task Accepts_tells_the_application_whether_a_message_answers_it()
    {
        var prompt = new ConfirmPrompt(t => t == "yes" ? true : null);
        var harness = new EngineHarness(prompt, PromptTests.Asking(ConfirmPrompt.DefaultId, new() { PromptKey = "sure?" }));
        await harness.Flow("flow").Send("hi").AssertReply("sure?").StartTestAsync();
        var (yes, other) = await harness.WithContextAsync(dc => Task.FromResult((dc.ActiveDialog!.Accepts(dc, "yes"), dc.ActiveDialog!.Accepts(dc, "foods"))));
        Assert.True(yes);
        Assert.False(other);
    }
}
