using MagBot.Dialogs.Engine;

namespace MagBot.Dialogs.Tests.Engine.Prompts;

/// <summary>The number prompt takes what its recogniser delegate reads, within the options' range.</summary>
public sealed class QuantityPromptTests
{
    private static double? Digits(string text) => double.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out var v) ? v : null;

    [Fact]
    public async Task A_number_out_of_range_is_asked_again_and_one_in_range_is_taken()
    {
        var harness = new EngineHarness(new QuantityPrompt("prompt.age", Digits),
            PromptTests.Asking("prompt.age", new() { PromptKey = "age", RetryKey = "age.retry", Min = 1, Max = 120 }));
        await harness.Flow("flow")
            .Send("hi").AssertReply("age")
            .Send("0").AssertReply("age.retry")
            .Send("121").AssertReply("age.retry")
            .Send("45").AssertReply("ok 45")
            .StartTestAsync();
    }

    [Fact]
    public async Task Text_the_delegate_reads_no_number_in_is_asked_again()
    {
        var harness = new EngineHarness(new QuantityPrompt("prompt.number", Digits),
            PromptTests.Asking("prompt.number", new() { PromptKey = "how many" }));
        await harness.Flow("flow")
            .Send("hi").AssertReply("how many")
            .Send("a few").AssertReply("how many")
            .Send("2.5").AssertReply("ok 2.5")
            .StartTestAsync();
    }
}
