using System.Collections.Concurrent;

namespace MagBot.Security;

/// <summary>
/// Per-key sliding-window counts for <see cref="TurnRateLimiter"/>: a window of <see cref="SegmentCount"/>
/// segments, each counting the turns taken in its slice of time. Callers lock a <see cref="KeyWindow"/> while
/// they read and take from it. At most <paramref name="maxKeys"/> keys are held: a new key past that first drops
/// the idle windows, then the least recently used tenth of the rest (counted in <see cref="Evictions"/>).
/// </summary>
internal sealed class SlidingWindowCounter(int limit, TimeSpan window, TimeProvider time, int maxKeys = int.MaxValue)
{
    public const int SegmentCount = 5;

    private readonly ConcurrentDictionary<string, KeyWindow> _windows = new(StringComparer.Ordinal);
    private readonly long _segmentTicks = Math.Max(1, window.Ticks / SegmentCount);
    private readonly object _evicting = new();
    private long _lastSweep;
    private long _evictions;

    public int Count => _windows.Count;

    public long Evictions => Interlocked.Read(ref _evictions);

    /// <summary>The current segment number (time since the epoch in segment lengths).</summary>
    private long Segment() => time.GetUtcNow().UtcTicks / _segmentTicks;

    public KeyWindow Window(string key)
    {
        SweepIfDue();
        if (_windows.TryGetValue(key, out var held)) return held;
        if (_windows.Count >= maxKeys) MakeRoom();
        return _windows.GetOrAdd(key, static _ => new KeyWindow());
    }

    /// <summary>Drops idle windows now, then, if still full, the least recently used tenth: one sort per tenth of
    /// the bound, so a flood of new keys costs little per key.</summary>
    private void MakeRoom()
    {
        lock (_evicting)
        {
            if (_windows.Count < maxKeys) return;
            var now = Segment();
            var byAge = new List<(long Newest, string Key, KeyWindow Window)>(_windows.Count);
            foreach (var (key, w) in _windows)
            {
                if (w.IdleSince(now)) _windows.TryRemove(KeyValuePair.Create(key, w));
                else byAge.Add((w.Newest, key, w));
            }
            var target = maxKeys - Math.Max(1, maxKeys / 10);
            if (_windows.Count <= target) return;
            byAge.Sort((a, b) => a.Newest.CompareTo(b.Newest));
            foreach (var (_, key, w) in byAge)
            {
                if (_windows.Count <= target) break;
                if (_windows.TryRemove(KeyValuePair.Create(key, w))) Interlocked.Increment(ref _evictions);
            }
        }
    }

    /// <summary>Zero when <paramref name="w"/> has a turn left now; otherwise how long until the oldest counted
    /// segment leaves the window and frees one. Call with <paramref name="w"/> locked.</summary>
    public TimeSpan WaitBeforeNext(KeyWindow w)
    {
        var now = Segment();
        w.Advance(now);
        if (w.Total < limit) return TimeSpan.Zero;
        var oldest = w.OldestCountedSegment(now);
        var freedAt = (oldest + SegmentCount) * _segmentTicks;
        var wait = TimeSpan.FromTicks(freedAt - time.GetUtcNow().UtcTicks);
        return wait > TimeSpan.Zero ? wait : TimeSpan.FromMilliseconds(1);
    }

    /// <summary>Counts one turn in <paramref name="w"/>. Call with <paramref name="w"/> locked.</summary>
    public void Take(KeyWindow w) => w.Take(Segment());

    /// <summary>Drops windows nobody has used for a whole window, at most once per window.</summary>
    private void SweepIfDue()
    {
        var now = Segment();
        var last = Interlocked.Read(ref _lastSweep);
        if (now - last < SegmentCount || Interlocked.CompareExchange(ref _lastSweep, now, last) != last) return;
        foreach (var (key, w) in _windows)
        {
            if (w.IdleSince(now)) _windows.TryRemove(KeyValuePair.Create(key, w));
        }
    }

    /// <summary>One key's counts: a ring of segments and the segment number the newest one stands for.</summary>
    internal sealed class KeyWindow
    {
        private readonly int[] _counts = new int[SegmentCount];
        private long _newest;

        /// <summary>The segment of the last turn seen (unlocked read, for eviction order only).</summary>
        public long Newest => Volatile.Read(ref _newest);

        public int Total { get; private set; }

        public void Advance(long now)
        {
            if (now <= _newest) return;
            if (now - _newest >= SegmentCount)
            {
                Array.Clear(_counts);
                Total = 0;
            }
            else
            {
                for (var s = _newest + 1; s <= now; s++)
                {
                    var slot = (int)(s % SegmentCount);
                    Total -= _counts[slot];
                    _counts[slot] = 0;
                }
            }
            _newest = now;
        }

        public void Take(long now)
        {
            Advance(now);
            _counts[(int)(now % SegmentCount)]++;
            Total++;
        }

        public long OldestCountedSegment(long now)
        {
            for (var s = now - SegmentCount + 1; s <= now; s++)
            {
                if (_counts[(int)(s % SegmentCount)] > 0) return s;
            }
            return now;
        }

        /// <summary>Unlocked read of one long: a stale answer only delays dropping the window by one sweep.
        /// A window dropped while a turn takes from it loses that turn's count, never more.</summary>
        public bool IdleSince(long now) => now - Volatile.Read(ref _newest) >= SegmentCount;
    }
}
