using MagBot.Security;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace MagBot.Service.Tests.Security;

/// <summary>The per-conversation and per-user sliding windows, on a clock the test moves.</summary>
public sealed class TurnRateLimiterTests
{
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(10);

    private static (TurnRateLimiter Limiter, FakeTimeProvider Time) Limiter(int perConversation, int perUser, int maxKeys = 100_000)
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero));
        var options = Options.Create(new EdgeLimitsOptions { TurnsPerConversation = perConversation, TurnsPerUser = perUser, Window = Window, MaxTrackedKeys = maxKeys });
        return (new TurnRateLimiter(options, time), time);
    }

    private static Activity Turn(string conversation, string user) => new()
    {
        Type = ActivityTypes.Message,
        ChannelId = "emulator",
        Conversation = new ConversationAccount(id: conversation),
        From = new ChannelAccount(id: user),
    };

    [Fact]
    public void A_window_frees_turns_segment_by_segment_as_they_age_out_not_all_at_once()
    {
        var (limiter, time) = Limiter(perConversation: 4, perUser: 100);
        // Two turns at 0 s and two at 4 s (segments are 2 s long): the window is full.
        Assert.True(limiter.TryAcquire(Turn("c", "u"), out _));
        Assert.True(limiter.TryAcquire(Turn("c", "u"), out _));
        time.Advance(TimeSpan.FromSeconds(4));
        Assert.True(limiter.TryAcquire(Turn("c", "u"), out _));
        Assert.True(limiter.TryAcquire(Turn("c", "u"), out _));
        Assert.False(limiter.TryAcquire(Turn("c", "u"), out var wait));
        Assert.Equal(TimeSpan.FromSeconds(6), wait);

        // At 10 s the two turns of 0 s have left the window, the two of 4 s have not.
        time.Advance(TimeSpan.FromSeconds(6));
        Assert.True(limiter.TryAcquire(Turn("c", "u"), out _));
        Assert.True(limiter.TryAcquire(Turn("c", "u"), out _));
        Assert.False(limiter.TryAcquire(Turn("c", "u"), out wait));
        Assert.Equal(TimeSpan.FromSeconds(4), wait);
    }

    [Fact]
    public void A_turn_refused_for_its_user_takes_nothing_from_its_conversation()
    {
        var (limiter, _) = Limiter(perConversation: 3, perUser: 2);
        Assert.True(limiter.TryAcquire(Turn("first", "u"), out _));
        Assert.True(limiter.TryAcquire(Turn("first", "u"), out _));
        Assert.False(limiter.TryAcquire(Turn("first", "u"), out _));
        Assert.False(limiter.TryAcquire(Turn("first", "u"), out _));

        // The conversation has one turn left for another user: the refused turns did not count.
        Assert.True(limiter.TryAcquire(Turn("first", "someone-else"), out _));
        Assert.False(limiter.TryAcquire(Turn("first", "someone-else"), out _));
    }

    [Fact]
    public void Conversations_and_users_are_counted_apart_per_channel()
    {
        var (limiter, _) = Limiter(perConversation: 1, perUser: 10);
        Assert.True(limiter.TryAcquire(Turn("c", "u"), out _));
        var otherChannel = Turn("c", "u");
        otherChannel.ChannelId = "msteams";
        Assert.True(limiter.TryAcquire(otherChannel, out _));
        Assert.True(limiter.TryAcquire(Turn("d", "u"), out _));
        Assert.False(limiter.TryAcquire(Turn("c", "u"), out _));
    }

    [Fact]
    public void Windows_nobody_used_for_a_whole_window_are_dropped()
    {
        var (limiter, time) = Limiter(perConversation: 5, perUser: 5);
        for (var i = 0; i < 100; i++) limiter.TryAcquire(Turn($"c{i}", $"u{i}"), out _);
        Assert.Equal(200, limiter.TrackedWindows);

        time.Advance(Window + TimeSpan.FromSeconds(1));
        limiter.TryAcquire(Turn("late", "late-user"), out _);

        Assert.Equal(2, limiter.TrackedWindows);
    }

    [Fact]
    public void Under_concurrent_turns_a_conversation_gets_exactly_its_limit()
    {
        var (limiter, _) = Limiter(perConversation: 30, perUser: 1000);
        var granted = 0;
        Parallel.For(0, 400, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
        {
            if (limiter.TryAcquire(Turn("busy", $"u{i % 7}"), out _)) Interlocked.Increment(ref granted);
        });
        Assert.Equal(30, granted);
    }

    [Fact]
    public void Past_the_bound_on_keys_the_least_recently_used_windows_go_first_and_are_counted()
    {
        // One turn per conversation per window, so a conversation whose window is still held is refused.
        var (limiter, time) = Limiter(perConversation: 1, perUser: 100_000, maxKeys: 100);
        for (var i = 0; i < 50; i++) Assert.True(limiter.TryAcquire(Turn($"c{i}", "u"), out _));
        time.Advance(TimeSpan.FromSeconds(2));
        for (var i = 50; i < 100; i++) Assert.True(limiter.TryAcquire(Turn($"c{i}", "u"), out _));
        time.Advance(TimeSpan.FromSeconds(2));
        Assert.False(limiter.TryAcquire(Turn("c0", "u"), out _)); // refused, but used again: now among the newest
        Assert.Equal(101, limiter.TrackedWindows); // 100 conversations and one user
        Assert.Equal(0, limiter.EvictedWindows);

        Assert.True(limiter.TryAcquire(Turn("new", "u"), out _));

        // The least recently used tenth went (from c1..c49); c0 and the later fifty are still held, so still refused.
        Assert.Equal(10, limiter.EvictedWindows);
        Assert.Equal(90 + 1 + 1, limiter.TrackedWindows);
        Assert.False(limiter.TryAcquire(Turn("c0", "u"), out _));
        for (var i = 50; i < 100; i++) Assert.False(limiter.TryAcquire(Turn($"c{i}", "u"), out _));
        Assert.Equal(10, limiter.EvictedWindows);
    }

    [Fact]
    public void Past_the_bound_idle_windows_are_dropped_before_any_window_in_use()
    {
        var (limiter, time) = Limiter(perConversation: 1, perUser: 100_000, maxKeys: 100);
        limiter.TryAcquire(Turn("x", "u"), out _); // the first turn sweeps; the next sweep is due a window later
        time.Advance(TimeSpan.FromSeconds(2));
        for (var i = 0; i < 60; i++) limiter.TryAcquire(Turn($"old{i}", "u"), out _);
        time.Advance(TimeSpan.FromSeconds(8));
        limiter.TryAcquire(Turn("y", "u"), out _); // sweeps again (x goes): the 60 are not idle yet
        time.Advance(TimeSpan.FromSeconds(2)); // now they are, and no sweep is due
        for (var i = 0; i < 39; i++) limiter.TryAcquire(Turn($"c{i}", "u"), out _);
        Assert.Equal(100 + 1, limiter.TrackedWindows);

        Assert.True(limiter.TryAcquire(Turn("new", "u"), out _));

        Assert.Equal(0, limiter.EvictedWindows);
        Assert.Equal(39 + 2 + 1, limiter.TrackedWindows); // the c's, y and new; and the user
        for (var i = 0; i < 39; i++) Assert.False(limiter.TryAcquire(Turn($"c{i}", "u"), out _));
    }
}
