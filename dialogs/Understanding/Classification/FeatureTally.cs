namespace MagBot.Dialogs.Understanding.Classification;

/// <summary>
/// Counts the distinct feature names of a message, written piece by piece into one reusable buffer, in order of first
/// occurrence (the order <see cref="IntentFeatureExtractor"/> builds its dictionary in, so sums come out the same), and
/// looks each distinct name up in the model once. No string is made per word, word pair or letter sequence.
/// Not thread-safe: one per thread (see <see cref="IntentScorer"/>).
/// </summary>
internal sealed class FeatureTally
{
    private char[] _chars = new char[1024];
    private int _used;
    private int _nameStart;
    private Entry[] _entries = new Entry[128];
    private int[] _buckets = new int[256]; // entry index + 1; 0 is empty
    private int _clearedUpTo;

    public int Count { get; private set; }

    public void Clear()
    {
        _used = 0;
        _nameStart = 0;
        Array.Clear(_buckets, 0, _clearedUpTo);
        _clearedUpTo = 0;
        Count = 0;
    }

    /// <summary>Starts a feature name; add its pieces with <see cref="Append(ReadOnlySpan{char})"/>, then <see cref="EndName"/>.</summary>
    public void BeginName() => _nameStart = _used;

    public void Append(ReadOnlySpan<char> piece)
    {
        if (_used + piece.Length > _chars.Length) Array.Resize(ref _chars, Math.Max(_chars.Length * 2, _used + piece.Length));
        piece.CopyTo(_chars.AsSpan(_used));
        _used += piece.Length;
    }

    public void Append(char c)
    {
        if (_used == _chars.Length) Array.Resize(ref _chars, _chars.Length * 2);
        _chars[_used++] = c;
    }

    /// <summary>Counts the name just written: once more if seen before in this message, else as a new feature with its model column.</summary>
    public void EndName(FeatureIndex index)
    {
        var name = _chars.AsSpan(_nameStart, _used - _nameStart);
        // Randomized per process, so a message cannot be written to make every name collide.
        var hash = string.GetHashCode(name);
        var bucket = (int)((uint)hash & (uint)(_buckets.Length - 1));
        for (var at = _buckets[bucket]; at != 0; at = _entries[at - 1].Next)
        {
            ref var entry = ref _entries[at - 1];
            if (entry.Hash == hash && _chars.AsSpan(entry.Start, entry.Length).SequenceEqual(name))
            {
                entry.Count++;
                _used = _nameStart; // the name is already stored
                return;
            }
        }
        if (Count == _entries.Length) Array.Resize(ref _entries, _entries.Length * 2);
        _entries[Count] = new Entry(_nameStart, name.Length, hash, index.ColumnOf(name), 1, _buckets[bucket]);
        Count++;
        _buckets[bucket] = Count;
        _clearedUpTo = Math.Max(_clearedUpTo, bucket + 1);
        if (Count * 2 > _buckets.Length) Rehash();
    }

    public int CountAt(int entry) => _entries[entry].Count;

    /// <summary>The model column of a distinct feature, or -1 when the model never saw it.</summary>
    public int ColumnAt(int entry) => _entries[entry].Column;

    private void Rehash()
    {
        _buckets = new int[_buckets.Length * 2];
        _clearedUpTo = _buckets.Length;
        for (var i = 0; i < Count; i++)
        {
            ref var entry = ref _entries[i];
            var bucket = (int)((uint)entry.Hash & (uint)(_buckets.Length - 1));
            entry.Next = _buckets[bucket];
            _buckets[bucket] = i + 1;
        }
    }

    private struct Entry(int start, int length, int hash, int column, int count, int next)
    {
        public readonly int Start = start;
        public readonly int Length = length;
        public readonly int Hash = hash;
        public readonly int Column = column;
        public int Count = count;
        public int Next = next;
    }
}
