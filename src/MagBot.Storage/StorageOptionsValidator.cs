using System.Globalization;
using Microsoft.Extensions.Options;

namespace MagBot.Storage;

/// <summary>Checks <see cref="StorageOptions"/> at start-up and names the configuration key that is wrong,
/// so a bad setting stops the service before the first conversation instead of failing turns later.</summary>
public sealed class StorageOptionsValidator : IValidateOptions<StorageOptions>
{
    public ValidateOptionsResult Validate(string? name, StorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var s = StorageOptions.SectionName;
        var errors = new List<string>();
        if (!string.Equals(options.Provider, StorageOptions.MemoryProvider, StringComparison.OrdinalIgnoreCase) && !options.UsesRedis)
            errors.Add($"{s}:Provider must be '{StorageOptions.MemoryProvider}' or '{StorageOptions.RedisProvider}', not '{options.Provider}'.");
        Positive(errors, $"{s}:Retention", options.Retention);
        Positive(errors, $"{s}:LockLease", options.LockLease);
        Positive(errors, $"{s}:LockWait", options.LockWait);
        Positive(errors, $"{s}:RedisTimeout", options.RedisTimeout);
        if (options.MaxItems <= 0)
            errors.Add($"{s}:MaxItems must be a positive number of items, not {options.MaxItems}.");
        if (!double.IsFinite(options.MaxMemoryMB) || options.MaxMemoryMB < 1)
            errors.Add($"{s}:MaxMemoryMB must be a number of megabytes of at least 1, such as 256, not {options.MaxMemoryMB.ToString(CultureInfo.InvariantCulture)}: " +
                "below that the store would refuse or evict a conversation's state at once.");
        else if (options.MaxMemoryMB > StorageOptions.MaxMemoryMBLimit)
            errors.Add($"{s}:MaxMemoryMB is in megabytes, at most {StorageOptions.MaxMemoryMBLimit.ToString(CultureInfo.InvariantCulture)}; " +
                $"{options.MaxMemoryMB.ToString(CultureInfo.InvariantCulture)} looks like bytes or kilobytes.");
        if (options.UsesRedis)
        {
            if (string.IsNullOrWhiteSpace(options.KeyPrefix))
                errors.Add($"{s}:KeyPrefix must not be empty with Redis: it keeps MagBot's keys apart from other data.");
            if (string.IsNullOrWhiteSpace(options.RedisConnectionString))
                errors.Add($"{StorageOptions.RedisConnectionStringKey} is required when {s}:Provider is '{StorageOptions.RedisProvider}' " +
                    "(environment variable ConnectionStrings__Redis, e.g. 'localhost:6379' or 'name.redis.cache.windows.net:6380,password=…,ssl=True').");
            else if (!RedisConnection.TryParse(options.RedisConnectionString, out _))
                errors.Add($"{StorageOptions.RedisConnectionStringKey} is not a valid StackExchange.Redis connection string.");
        }
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static void Positive(List<string> errors, string key, TimeSpan value)
    {
        if (value <= TimeSpan.Zero) errors.Add($"{key} must be a positive duration such as '00:30:00', not '{value}'.");
    }
}
