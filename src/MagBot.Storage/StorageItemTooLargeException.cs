namespace MagBot.Storage;

/// <summary>A write (one item, or a batch) is larger than the embedded store's whole budget
/// (<see cref="StorageOptions.MaxMemoryMB"/>). It is refused and nothing changes: the store does not empty
/// itself for one item it could not keep anyway. The turn ends in the error boundary, which apologises and
/// starts the conversation over, so its next save is small again.</summary>
public sealed class StorageItemTooLargeException(string message) : InvalidOperationException(message);
