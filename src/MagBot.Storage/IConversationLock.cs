namespace MagBot.Storage;

/// <summary>
/// One turn at a time per conversation. Bot Framework's <c>ConversationState</c> and <c>UserState</c>
/// save without ETags (last writer wins), so two turns of one conversation running at once, on one
/// instance or two, would each save over the other's changes. Holding this lock around the whole turn
/// (load, dialogs, save) makes the turns run one after the other.
/// </summary>
public interface IConversationLock
{
    /// <summary>Waits until no other turn holds <paramref name="conversationKey"/> and takes it. Throws
    /// <see cref="ConversationBusyException"/> after <see cref="StorageOptions.LockWait"/>, and
    /// <see cref="StorageUnavailableException"/> when the store cannot be reached.</summary>
    Task<IAsyncDisposable> AcquireAsync(string conversationKey, CancellationToken cancellationToken = default);
}
