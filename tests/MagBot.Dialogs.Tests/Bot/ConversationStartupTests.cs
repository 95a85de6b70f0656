using MagBot.Dialogs.Bot;
using MagBot.Dialogs.Knowledge;
using MagBot.Dialogs.Safety;
using MagBot.Dialogs.Understanding;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace MagBot.Dialogs.Tests.Bot;

/// <summary>The one owner of the start-up builds: a hosted service whose tasks the bot's services are built from.</summary>
public sealed class ConversationStartupTests
{
    // A guard against a hang, not a timing: the builds take about a second.
    private static readonly TimeSpan Hang = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task Host_starts_every_build_and_the_bot_uses_what_they_built()
    {
        using var services = InProcessBot.Create();
        var startup = Assert.Single(services.GetServices<IHostedService>().OfType<ConversationStartup>());
        Assert.Same(services.GetRequiredService<ConversationStartup>(), startup);

        await startup.StartAsync(CancellationToken.None).WaitAsync(Hang);
        Assert.True(startup.RedFlags.IsCompletedSuccessfully, "the red-flag rules are ready once the host has started");
        var intents = await startup.Intents.WaitAsync(Hang);
        await startup.SafetyModel.WaitAsync(Hang);

        Assert.Same(intents, services.GetRequiredService<IIntentRecognizer>());
        Assert.NotNull(services.GetRequiredService<ISafetyScreen>().Screen("I took the whole bottle of magnesium pills on purpose"));
    }

    [Fact]
    public async Task Without_a_host_each_build_starts_when_first_asked_for()
    {
        using var services = InProcessBot.Create();
        var startup = services.GetRequiredService<ConversationStartup>();
        // Never started as a hosted service (tests and the CLI): resolving the screen builds what it needs.
        var alert = services.GetRequiredService<ISafetyScreen>().Screen("worst headache of my life, came on in seconds");
        Assert.NotNull(alert);
        Assert.True(startup.RedFlags.IsCompletedSuccessfully);
        Assert.Equal(Intents.Foods, services.GetRequiredService<IIntentRecognizer>().Recognize("which foods have magnesium").Intent);
        await startup.SafetyModel.WaitAsync(Hang);
    }

    [Fact]
    public async Task A_build_that_fails_fails_what_needs_it_and_is_not_swallowed()
    {
        var startup = new ConversationStartup(ContentCatalog.LoadEmbedded(), new BrokenFinder());
        await startup.StartAsync(CancellationToken.None).WaitAsync(Hang); // the rules do not need the finder
        var e = await Assert.ThrowsAsync<InvalidOperationException>(() => startup.Intents.WaitAsync(Hang));
        Assert.Equal(BrokenFinder.Message, e.Message);
    }

    private sealed class BrokenFinder : IMedicationFinder
    {
        public const string Message = "the medication lexicon is broken";
        public bool IsAvailable => true;
        public IReadOnlyList<string> FindCanonicalNames(string? text) => throw new InvalidOperationException(Message);
    }
}
