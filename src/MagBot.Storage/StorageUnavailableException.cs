namespace MagBot.Storage;

/// <summary>The state store could not be reached in time (Redis down, network, timeout). The turn fails
/// with the apology and <c>/healthz</c> reports the store as unavailable; nothing is half-written.</summary>
public sealed class StorageUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
