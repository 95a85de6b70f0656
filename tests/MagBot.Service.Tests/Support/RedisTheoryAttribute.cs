namespace MagBot.Service.Tests.Support;

/// <summary>The <see cref="RedisFactAttribute"/> rule for theories.</summary>
public sealed class RedisTheoryAttribute : TheoryAttribute
{
    public RedisTheoryAttribute()
    {
        if (RedisServer.SkipReason is { } reason) Skip = reason;
    }
}
