using BenchmarkDotNet.Attributes;
using MagBot.Cli;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Extensions.DependencyInjection;

namespace MagBot.Benchmarks;

/// <summary>
/// One message turn through the real bot on the Bot Framework TestAdapter, with the embedded store: state
/// loaded, understood, a topic dialog begun, replies sent, state saved. Each operation is the first message
/// of a new conversation, so every operation does the same work.
/// </summary>
[PerOperationJob]
[MemoryDiagnoser]
public class DialogTurnBenchmarks
{
    private ServiceProvider _services = null!;
    private IBot _bot = null!;
    private TestAdapter _adapter = null!;

    [Params("does magnesium help migraines", "hi")]
    public string Message { get; set; } = string.Empty;

    [GlobalSetup]
    public void Setup()
    {
        _services = InProcessBot.Create();
        _bot = _services.GetRequiredService<IBot>();
        Turn().GetAwaiter().GetResult();
    }

    [IterationSetup]
    public void NewConversation() =>
        _adapter = new TestAdapter(TestAdapter.CreateConversation("bench-" + Guid.NewGuid().ToString("N")));

    [GlobalCleanup]
    public void Cleanup() => _services.Dispose();

    [Benchmark(Description = "dialog turn")]
    public async Task<int> Turn()
    {
        _adapter ??= new TestAdapter(TestAdapter.CreateConversation("bench-warmup"));
        await _adapter.SendTextToBotAsync(Message, _bot.OnTurnAsync, CancellationToken.None).ConfigureAwait(false);
        var replies = 0;
        while (_adapter.GetNextReply() is not null) replies++;
        return replies;
    }
}
