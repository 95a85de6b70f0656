using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Newtonsoft.Json;

namespace MagBot.Bot;

/// <summary>The SDK's JSON settings for Bot Framework messages (<see cref="HttpHelper.BotMessageSerializerSettings"/>),
/// copied so MagBot's reader and writer can change one setting each without touching the SDK's shared instance.</summary>
public static class BotMessageJson
{
    public static JsonSerializerSettings CopyOfSdkSettings()
    {
        var sdk = HttpHelper.BotMessageSerializerSettings;
        return new JsonSerializerSettings
        {
            NullValueHandling = sdk.NullValueHandling,
            Formatting = sdk.Formatting,
            DateFormatHandling = sdk.DateFormatHandling,
            DateTimeZoneHandling = sdk.DateTimeZoneHandling,
            ReferenceLoopHandling = sdk.ReferenceLoopHandling,
            ContractResolver = sdk.ContractResolver,
            Converters = [.. sdk.Converters],
        };
    }
}
