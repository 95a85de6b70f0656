using MagBot.Dialogs.Engine;
using Microsoft.Bot.Builder;

namespace MagBot.Dialogs.Tests.Engine;

/// <summary>The waterfall on its own: steps in order across turns, typed values kept in stored state, results handed
/// from step to step and from child to parent, and the value it ends with.</summary>
public sealed class WaterfallDialogTests
{
    private static async Task<DialogTurnResult> Say(WaterfallStep<LambdaWaterfall.Values> step, string text)
    {
        await step.Context.Turn.SendActivityAsync(MessageFactory.Text(text));
        return DialogTurnResult.Waiting;
    }

    [Fact]
    public async Task Runs_one_step_per_turn_in_order_and_then_starts_again()
    {
        var harness = new EngineHarness(new LambdaWaterfall("flow",
            (s, _) => Say(s, "step1"),
            (s, _) => Say(s, "step2"),
            async (s, ct) => { await Say(s, "step3"); return await s.EndAsync(null, ct); }));

        await harness.Flow("flow")
            .Send("hello").AssertReply("step1")
            .Send("hello").AssertReply("step2")
            .Send("hello").AssertReply("step3")
            .Send("hello").AssertReply("step1")
            .StartTestAsync();
    }

    [Fact]
    public async Task A_step_receives_the_typed_text_and_keeps_values_between_turns()
    {
        var harness = new EngineHarness(new LambdaWaterfall("flow",
            (s, _) => Say(s, "name?"),
            (s, _) => { s.Values.Seen.Add((string)s.Result!); return Say(s, "colour?"); },
            async (s, ct) =>
            {
                s.Values.Seen.Add((string)s.Result!);
                await Say(s, "thanks " + string.Join(" and ", s.Values.Seen));
                return await s.EndAsync(s.Values.Seen.Count, ct);
            }));

        await harness.Flow("flow")
            .Send("hi").AssertReply("name?")
            .Send("Ana").AssertReply("colour?")
            .Send("green").AssertReply("thanks Ana and green")
            .StartTestAsync();
        Assert.Equal(new DialogTurnResult(DialogTurnStatus.Complete, 2), harness.Results[^1]);
        Assert.Empty(harness.StoredStack);
    }

    [Fact]
    public async Task NextAsync_runs_the_following_step_in_the_same_turn_with_its_result()
    {
        var harness = new EngineHarness(new LambdaWaterfall("flow",
            (s, ct) => s.NextAsync(42, ct),
            async (s, ct) => { await Say(s, $"got {s.Result}"); return await s.EndAsync(null, ct); }));

        await harness.Flow("flow").Send("go").AssertReply("got 42").StartTestAsync();
        Assert.Equal(DialogTurnStatus.Complete, harness.Results.Single().Status);
    }

    [Fact]
    public async Task Running_out_of_steps_ends_with_the_values()
    {
        var harness = new EngineHarness(new LambdaWaterfall("flow",
            (s, ct) => { s.Values.Seen.Add("one"); return s.NextAsync(null, ct); }));

        await harness.Flow("flow").Send("go").StartTestAsync();
        var values = Assert.IsType<LambdaWaterfall.Values>(harness.Results.Single().Result);
        Assert.Equal(["one"], values.Seen);
    }

    [Fact]
    public async Task A_child_dialog_result_resumes_the_parent_at_its_next_step()
    {
        var child = new LambdaWaterfall("child",
            (s, _) => Say(s, "child asks"),
            (s, ct) => s.EndAsync("child says " + s.Result, ct));
        var parent = new LambdaWaterfall("parent",
            (s, ct) => s.BeginDialogAsync("child", null, ct),
            async (s, ct) => { await Say(s, "parent got: " + s.Result); return await s.EndAsync(null, ct); });
        var harness = new EngineHarness(parent, child);

        await harness.Flow("parent")
            .Send("go").AssertReply("child asks")
            .Send("yes").AssertReply("parent got: child says yes")
            .StartTestAsync();
        Assert.Equal([DialogTurnStatus.Waiting, DialogTurnStatus.Complete], harness.Results.Select(r => r.Status));
    }

    [Fact]
    public async Task Options_are_seen_by_the_turn_that_begins_the_dialog_and_are_not_stored()
    {
        var harness = new EngineHarness(new LambdaWaterfall("flow",
            (s, _) => Say(s, "began with " + s.Options<string>()),
            (s, _) => Say(s, "later: " + (s.Options<string>() ?? "nothing"))));

        await harness.Flow("flow", "the first message")
            .Send("hi").AssertReply("began with the first message")
            .Send("more").AssertReply("later: nothing")
            .StartTestAsync();
        Assert.DoesNotContain("the first message", Newtonsoft.Json.JsonConvert.SerializeObject(harness.StoredStack));
    }
}
