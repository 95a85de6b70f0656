using MagBot.Extensions;
using Microsoft.Extensions.Configuration;

namespace MagBot.Service.Tests.Extensions;

/// <summary>The managed heap's hard limit is only what Storage:HeapLimitMB says.</summary>
public sealed class GcHeapLimitTests
{
    private static IConfiguration Config(params (string Key, string Value)[] settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value))).Build();

    private const ulong MiB = 1024 * 1024;

    [Fact]
    public void By_default_there_is_no_limit_whatever_the_store_budget()
    {
        Assert.Null(GcHeapLimit.Derive(Config()));
        Assert.Null(GcHeapLimit.Derive(Config(("Storage:MaxMemoryMB", "64"))));
    }

    [Fact]
    public void An_explicit_limit_wins_and_zero_means_none()
    {
        Assert.Equal(700UL * MiB, GcHeapLimit.Derive(Config(("Storage:HeapLimitMB", "700"))));
        Assert.Null(GcHeapLimit.Derive(Config(("Storage:HeapLimitMB", "0"))));
    }

    [Theory]
    [InlineData("lots")]
    [InlineData("-5")]
    public void A_limit_that_is_not_a_number_of_megabytes_names_the_key(string value)
    {
        var e = Assert.Throws<InvalidOperationException>(() => GcHeapLimit.Derive(Config(("Storage:HeapLimitMB", value))));
        Assert.Contains("Storage:HeapLimitMB", e.Message, StringComparison.Ordinal);
    }
}
