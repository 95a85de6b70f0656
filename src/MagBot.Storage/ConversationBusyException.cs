namespace MagBot.Storage;

/// <summary>Another turn of the same conversation held its lock for longer than <see cref="StorageOptions.LockWait"/>.
/// The waiting turn is answered with an apology and changes nothing.</summary>
public sealed class ConversationBusyException(TimeSpan waited)
    : TimeoutException($"Another turn of this conversation held it for more than {waited.TotalSeconds:0.#} s.");
