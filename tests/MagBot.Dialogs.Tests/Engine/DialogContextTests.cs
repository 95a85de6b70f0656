using MagBot.Dialogs.Engine;
using Microsoft.Bot.Builder;

namespace MagBot.Dialogs.Tests.Engine;

/// <summary>The stack itself: what each call returns, what the observer is told, and the errors that say how to fix them.</summary>
public sealed class DialogContextTests
{
    /// <summary>Waits for one message, then ends with it.</summary>
    private sealed class EchoOnce(string id) : Dialog(id)
    {
        public override async Task<DialogTurnResult> BeginAsync(DialogContext dc, object? options, CancellationToken cancellationToken = default)
        {
            await dc.Turn.SendActivityAsync(MessageFactory.Text($"{Id}?"), cancellationToken);
            return DialogTurnResult.Waiting;
        }

        public override Task RepromptAsync(DialogContext dc, CancellationToken cancellationToken = default) =>
            dc.Turn.SendActivityAsync(MessageFactory.Text($"{Id} again?"), cancellationToken);
    }

    /// <summary>Begins itself in its own place for ever (a bug the depth guard stops).</summary>
    private sealed class BeginsItself() : Dialog("loop")
    {
        public override Task<DialogTurnResult> BeginAsync(DialogContext dc, object? options, CancellationToken cancellationToken = default) =>
            dc.BeginDialogAsync(Id, null, cancellationToken);
    }

    [Fact]
    public async Task Continue_with_nothing_active_is_Empty_and_begin_is_Waiting()
    {
        var harness = new EngineHarness(new EchoOnce("ask"));
        var (empty, begun) = await harness.WithContextAsync(async dc =>
            (await dc.ContinueDialogAsync(), await dc.BeginDialogAsync("ask")));
        Assert.Equal(DialogTurnStatus.Empty, empty.Status);
        Assert.Equal(DialogTurnStatus.Waiting, begun.Status);
        Assert.Equal(["ask"], harness.StoredStack.Select(i => i.Id));
    }

    [Fact]
    public async Task Ending_the_last_dialog_is_Complete_with_its_result_and_tells_the_observer()
    {
        var harness = new EngineHarness(new EchoOnce("ask"));
        await harness.WithContextAsync(dc => dc.BeginDialogAsync("ask"));
        var ended = await harness.WithContextAsync(dc => dc.EndDialogAsync("done"));
        Assert.Equal(new DialogTurnResult(DialogTurnStatus.Complete, "done"), ended);
        Assert.Equal(["began ask", "ended ask"], harness.Observer.Events);
    }

    [Fact]
    public async Task A_flow_that_replaces_itself_is_one_flow_to_the_observer()
    {
        var harness = new EngineHarness(new EchoOnce("ask"), new EchoOnce("other"));
        await harness.WithContextAsync(dc => dc.BeginDialogAsync("ask"));
        await harness.WithContextAsync(dc => dc.ReplaceDialogAsync("ask"));
        await harness.WithContextAsync(dc => dc.ReplaceDialogAsync("other"));
        Assert.Equal(["began ask", "began other"], harness.Observer.Events);
    }

    [Fact]
    public async Task CancelAll_clears_the_stack_without_telling_the_observer()
    {
        var harness = new EngineHarness(new EchoOnce("ask"));
        await harness.WithContextAsync(dc => dc.BeginDialogAsync("ask"));
        var cancelled = await harness.WithContextAsync(dc => Task.FromResult(dc.CancelAll()));
        Assert.Equal(DialogTurnStatus.Cancelled, cancelled.Status);
        Assert.Empty(harness.StoredStack);
        Assert.Equal(["began ask"], harness.Observer.Events);
    }

    [Fact]
    public async Task A_suspended_stack_comes_back_with_its_question_asked_again()
    {
        var harness = new EngineHarness(new EchoOnce("ask"));
        await harness.WithContextAsync(dc => dc.BeginDialogAsync("ask"));
        var taken = await harness.WithContextAsync(dc => Task.FromResult(dc.SuspendAll()));
        Assert.Empty(harness.StoredStack);

        var replies = new List<string?>();
        var restored = await harness.WithContextAsync(async dc =>
        {
            dc.Turn.OnSendActivities(async (_, activities, next) => { replies.AddRange(activities.Select(a => a.Text)); return await next(); });
            return await dc.RestoreAsync(taken);
        });
        Assert.Equal(DialogTurnStatus.Waiting, restored.Status);
        Assert.Equal(["ask"], harness.StoredStack.Select(i => i.Id));
        Assert.Equal(["ask again?"], replies);
    }

    [Fact]
    public async Task An_unknown_dialog_id_says_where_to_register_it()
    {
        var harness = new EngineHarness();
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => harness.WithContextAsync(dc => dc.BeginDialogAsync("nowhere")));
        Assert.Contains("'nowhere' wasn't found", error.Message);
    }

    [Fact]
    public async Task A_dialog_that_begins_itself_for_ever_is_stopped_with_the_stack_named()
    {
        var harness = new EngineHarness(new BeginsItself());
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => harness.WithContextAsync(dc => dc.BeginDialogAsync("loop")));
        Assert.Contains("loop > loop", error.Message);
    }

    [Fact]
    public void Dialog_ids_are_unique_in_a_set()
    {
        var error = Assert.Throws<InvalidOperationException>(() => new DialogSet([new EchoOnce("same"), new EchoOnce("same")]));
        Assert.Contains("'same' was added twice", error.Message);
    }

    [Fact]
    public async Task State_is_typed_and_belongs_to_the_dialog_on_top()
    {
        var harness = new EngineHarness(new EchoOnce("ask"));
        var read = await harness.WithContextAsync(async dc =>
        {
            await dc.BeginDialogAsync("ask");
            dc.SetState(new Counter { Count = 3 });
            return dc.GetState<Counter>().Count;
        });
        Assert.Equal(3, read);
        Assert.Equal(3, (int)harness.StoredStack.Single().State["Count"]!);
        await Assert.ThrowsAsync<InvalidOperationException>(() => new EngineHarness().WithContextAsync(dc => { dc.SetState(new Counter()); return Task.FromResult(0); }));
    }

    private sealed class Counter
    {
        public int Count { get; set; }
    }
}
