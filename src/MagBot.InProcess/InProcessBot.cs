using MagBot.Dialogs;
using MagBot.Storage;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MagBot.InProcess;

/// <summary>The same bot the service runs, wired in-process with the embedded store and no network: the composition
/// root of the terminal chat, the evaluation commands, the dialog tests and the benchmarks.</summary>
public static class InProcessBot
{
    public static ServiceProvider Create(IConfiguration? configuration = null, Action<IServiceCollection>? configure = null)
    {
        configuration ??= new ConfigurationBuilder().Build();
        var services = new ServiceCollection();
        services.AddSingleton(configuration);
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Warning));
        services.AddOptions<StorageOptions>().Bind(configuration.GetSection(StorageOptions.SectionName));
        services.AddSingleton<IStorage>(sp => new MemoryCacheStorage(sp.GetRequiredService<IOptions<StorageOptions>>()));
        services.AddMagBotConversation(configuration);
        configure?.Invoke(services);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }
}
