using Microsoft.Extensions.Options;

namespace MagBot.Storage;

/// <summary>The in-process conversation lock for the embedded store: one semaphore per conversation that has
/// a turn running, removed when its last waiter leaves so idle conversations cost nothing.</summary>
public sealed class MemoryConversationLock(IOptions<StorageOptions> options) : IConversationLock
{
    private sealed class Gate
    {
        public SemaphoreSlim Semaphore { get; } = new(1, 1);
        public int Users { get; set; }
    }

    private readonly Dictionary<string, Gate> _gates = new(StringComparer.Ordinal);
    private readonly TimeSpan _wait = options.Value.LockWait;

    /// <summary>Gates held now: conversations with a turn running or waiting (for diagnostics).</summary>
    public int Held
    {
        get { lock (_gates) return _gates.Count; }
    }

    public async Task<IAsyncDisposable> AcquireAsync(string conversationKey, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(conversationKey);
        Gate gate;
        lock (_gates)
        {
            if (!_gates.TryGetValue(conversationKey, out gate!)) _gates[conversationKey] = gate = new Gate();
            gate.Users++;
        }
        var entered = false;
        try
        {
            entered = await gate.Semaphore.WaitAsync(_wait, cancellationToken).ConfigureAwait(false);
            if (!entered) throw new ConversationBusyException(_wait);
            return new Release(this, conversationKey, gate);
        }
        finally
        {
            if (!entered) Leave(conversationKey, gate);
        }
    }

    private void Leave(string key, Gate gate)
    {
        lock (_gates)
        {
            if (--gate.Users == 0) _gates.Remove(key);
        }
    }

    private sealed class Release(MemoryConversationLock owner, string key, Gate gate) : IAsyncDisposable
    {
        private int _done;

        public ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref _done, 1) == 0)
            {
                gate.Semaphore.Release();
                owner.Leave(key, gate);
            }
            return ValueTask.CompletedTask;
        }
    }
}
