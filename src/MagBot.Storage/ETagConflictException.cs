namespace MagBot.Storage;

/// <summary>A write carried a stale ETag: another turn saved the item after this one read it. Nothing in the
/// batch was written. The Bot Framework's own stores raise a plain exception here; a type lets callers retry.</summary>
public sealed class ETagConflictException(string message) : InvalidOperationException(message);
