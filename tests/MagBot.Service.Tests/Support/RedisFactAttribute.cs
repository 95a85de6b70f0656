namespace MagBot.Service.Tests.Support;

/// <summary>A test that needs a real redis-server: skipped when it is not installed, except under CI=true,
/// where it runs (and fails) so that a missing install cannot pass unnoticed.</summary>
public sealed class RedisFactAttribute : FactAttribute
{
    public RedisFactAttribute()
    {
        if (RedisServer.SkipReason is { } reason) Skip = reason;
    }
}
