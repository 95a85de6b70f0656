using MagBot.Dialogs.Engine;

namespace MagBot.Dialogs.Tests.Engine.Prompts;

/// <summary>What every prompt does, shown with the simplest ones: ask, take a recognised answer, say what a good
/// answer looks like, give up kindly after the last try, and ask again when told to.</summary>
public sealed class PromptTests
{
    /// <summary>Asks with <paramref name="options"/>, then says what the prompt ended with.</summary>
    internal static LambdaWaterfall Asking(string promptId, PromptOptions options) => new("flow",
        (s, ct) => s.PromptAsync(promptId, options, ct),
        async (s, ct) =>
        {
            var said = s.Result switch
            {
                PromptResult<bool> { Succeeded: true } b => $"ok {b.Value}",
                PromptResult<double> { Succeeded: true } d => $"ok {d.Value}",
                PromptResult<Choice> { Succeeded: true } c => $"ok {c.Value!.Value}",
                PromptResult<string> { Succeeded: true } t => $"ok {t.Value}",
                _ => "failed",
            };
            await s.Context.Turn.SendActivityAsync(said, cancellationToken: ct);
            return await s.EndAsync(null, ct);
        });

    private static bool? YesOrNo(string text) => text switch { "yes" => true, "no" => false, _ => null };

    [Fact]
    public async Task An_answer_it_cannot_use_gets_the_retry_wording_then_the_answer_is_taken()
    {
        var harness = new EngineHarness(new ConfirmPrompt(YesOrNo), Asking(ConfirmPrompt.DefaultId, new() { PromptKey = "ask", RetryKey = "ask.retry" }));
        await harness.Flow("flow")
            .Send("hi").AssertReply("ask")
            .Send("maybe").AssertReply("ask.retry")
            .Send("yes").AssertReply("ok True")
            .StartTestAsync();
    }

    [Fact]
    public async Task Without_retry_wording_it_asks_the_question_again()
    {
        var harness = new EngineHarness(new ConfirmPrompt(YesOrNo), Asking(ConfirmPrompt.DefaultId, new() { PromptKey = "ask" }));
        await harness.Flow("flow")
            .Send("hi").AssertReply("ask")
            .Send("maybe").AssertReply("ask")
            .Send("no").AssertReply("ok False")
            .StartTestAsync();
    }

    [Fact]
    public async Task After_the_last_try_it_says_so_and_ends_with_Failed()
    {
        var harness = new EngineHarness(new ConfirmPrompt(YesOrNo), Asking(ConfirmPrompt.DefaultId, new() { PromptKey = "ask", MaxAttempts = 2 }));
        await harness.Flow("flow")
            .Send("hi").AssertReply("ask")
            .Send("what").AssertReply("ask")
            .Send("what").AssertReply("prompt.giveup").AssertReply("failed")
            .StartTestAsync();
    }

    [Fact]
    public async Task With_no_give_up_wording_the_calling_dialog_speaks_for_it()
    {
        var harness = new EngineHarness(new ConfirmPrompt(YesOrNo), Asking(ConfirmPrompt.DefaultId, new() { PromptKey = "ask", MaxAttempts = 1, GiveUpKey = null }));
        await harness.Flow("flow")
            .Send("hi").AssertReply("ask")
            .Send("what").AssertReply("failed")
            .StartTestAsync();
    }

    [Fact]
    public async Task Placeholders_and_extra_buttons_come_from_the_wording_keys()
    {
        var options = new PromptOptions { PromptKey = "ask", Args = new Dictionary<string, string?> { ["name"] = "lasix" }, ButtonKeys = ["skip"] };
        var harness = new EngineHarness(new TextPrompt(), Asking(TextPrompt.DefaultId, options));
        await harness.Flow("flow")
            .Send("hi").AssertReply(a => { Assert.Equal("ask(name=lasix)", a.AsMessageActivity().Text); Assert.Equal(["skip"], KeyReplies.ButtonsOf(a)); })
            .Send("anything").AssertReply("ok anything")
            .StartTestAsync();
    }

    [Fact]
    public async Task The_prompt_stores_keys_not_wording()
    {
        var harness = new EngineHarness(new TextPrompt(), Asking(TextPrompt.DefaultId, new() { PromptKey = "ask" }));
        await harness.Flow("flow").Send("hi").AssertReply("ask").StartTestAsync();
        var prompt = harness.StoredStack[^1];
        Assert.Equal(TextPrompt.DefaultId, prompt.Id);
        Assert.Equal("ask", (string)prompt.State["Options"]!["PromptKey"]!);
    }

    [Fact]
    public async Task Free_text_never_claims_a_message_as_its_answer_before_the_application_looks_at_it()
    {
        var harness = new EngineHarness(new TextPrompt(), Asking(TextPrompt.DefaultId, new() { PromptKey = "ask" }));
        await harness.Flow("flow").Send("hi").AssertReply("ask").StartTestAsync();
        var accepts = await harness.WithContextAsync(dc => Task.FromResult(dc.ActiveDialog!.Accepts(dc, "tell me about foods")));
        Assert.False(accepts);
    }

    [Fact]
    public async Task Listed_items_are_shown_under_the_question_and_offered_as_capitalised_buttons()
    {
        var harness = new EngineHarness(new ListingPrompt(), Asking("prompt.listing", new() { PromptKey = "ask", RetryKey = "ask.retry" }));
        await harness.Flow("flow")
            .Send("hi").AssertReply(a =>
            {
                Assert.Equal("ask\n\n• kidney disease\n\n• heart rhythm problem", a.AsMessageActivity().Text);
                Assert.Equal(["Kidney disease", "Heart rhythm problem"], KeyReplies.ButtonsOf(a));
            })
            // The retry wording says what to answer; the items are not listed again, the buttons stay.
            .Send("what").AssertReply(a => { Assert.Equal("ask.retry", a.AsMessageActivity().Text); Assert.Equal(2, KeyReplies.ButtonsOf(a).Length); })
            .Send("Kidney disease").AssertReply("ok Kidney disease")
            .StartTestAsync();
    }

    [Theory]
    [InlineData("kidney disease", "Kidney disease")]
    [InlineData("é", "É")]
    [InlineData("", "")]
    public void Capitalize_raises_only_the_first_letter(string text, string expected) => Assert.Equal(expected, TextCase.Capitalize(text));

    /// <summary>Takes one of its listed items (pressed as a button) as the answer.</summary>
    private sealed class ListingPrompt() : Prompt<string>("prompt.listing")
    {
        protected override IReadOnlyList<string> Items(DialogContext dc) => ["kidney disease", "heart rhythm problem"];

        protected override bool TryRecognize(DialogContext dc, string text, PromptOptions options, out string value)
        {
            value = text;
            return IsButton(dc, options, text);
        }
    }
}
