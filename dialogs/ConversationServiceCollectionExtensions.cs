using MagBot.Dialogs.Bot;
using MagBot.Dialogs.Engine;
using MagBot.Dialogs.Insights;
using MagBot.Dialogs.Knowledge;
using MagBot.Dialogs.Safety;
using MagBot.Dialogs.Telemetry;
using MagBot.Dialogs.Topics;
using MagBot.Dialogs.Understanding;
using MagBot.Dialogs.Understanding.Answers;
using MagBot.Dialogs.Understanding.Classification;
using MagBot.Dialogs.Understanding.Labelled;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace MagBot.Dialogs;

/// <summary>Registers the conversation: content, understanding, dialogs, and the bot itself.
/// The host adds an <see cref="IStorage"/> (see MagBot.Storage) and the adapter.</summary>
public static class ConversationServiceCollectionExtensions
{
    public static IServiceCollection AddMagBotConversation(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ClinicOptions>().Bind(configuration.GetSection(ClinicOptions.SectionName));
        services.TryAddSingleton(TimeProvider.System);

        var overrides = configuration.GetSection("Content:Overrides").GetChildren()
            .Where(c => c.Value is not null)
            .ToDictionary(c => c.Key, c => c.Value!, StringComparer.Ordinal);
        // Content is validated while the service starts: a bad file, a forbidden claim or a bad
        // override fails start-up with its name (loaded here, not on the first message).
        var content = ContentCatalog.LoadEmbedded(overrides);
        services.AddSingleton(content);
        // The medication lexicon is validated while the service starts, like the content it cites.
        services.AddSingleton(sp => MedicationLexicon.LoadEmbedded(sp.GetRequiredService<ContentCatalog>()));
        services.AddSingleton<MedicationRecognizer>();
        services.TryAddSingleton<IMedicationFinder>(sp => new LexiconMedicationFinder(sp.GetRequiredService<MedicationRecognizer>()));
        // Numbers, doses and ages (Microsoft.Recognizers.Text): each model is built when a prompt first needs it.
        services.AddSingleton<QuantityRecognizer>();

        // The start-up builds (red-flag rules, safety classifier, intent recognizer): one owner, one task each, started
        // with the host; what the first message needs and is not ready yet, it waits for.
        services.AddSingleton(sp => new ConversationStartup(sp.GetRequiredService<ContentCatalog>(), sp.GetRequiredService<IMedicationFinder>(),
            sp.GetService<Microsoft.Extensions.Logging.ILogger<ConversationStartup>>(), sp.GetService<Microsoft.Extensions.Hosting.IHostApplicationLifetime>(),
            facts: () => new FactRetriever(sp.GetRequiredService<FactQuestions>(), sp.GetRequiredService<QuantityRecognizer>(),
                NluDataFile.LoadTraining().Utterances.SelectMany(u => MessageWords.VocabularyOf(u.Text)), sp.GetRequiredService<RdaTable>().UpperLimitFor)));
        services.AddHostedService(sp => sp.GetRequiredService<ConversationStartup>());
        services.TryAddSingleton<IIntentRecognizer>(sp => sp.GetRequiredService<ConversationStartup>().Intents.GetAwaiter().GetResult());
        // The safety screen: the red-flag rules, the trained classifier and the symptom safety net, in English and
        // Spanish (LayeredSafetyScreen).
        services.TryAddSingleton<ISafetyScreen>(sp =>
        {
            var startup = sp.GetRequiredService<ConversationStartup>();
            var clinic = sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<ClinicOptions>>();
            var redFlags = startup.RedFlags.GetAwaiter().GetResult();
            return new LayeredSafetyScreen(new RedFlagScreen(redFlags, content, clinic, startup.LongMessageRedFlags), redFlags.Categories, startup.SafetyModel, content, clinic);
        });

        // The fact retriever trains on the questions attached to the facts (fact-questions.yaml), as a start-up build.
        services.AddSingleton(sp => FactQuestions.LoadEmbedded(sp.GetRequiredService<ContentCatalog>()));
        services.TryAddSingleton(sp => sp.GetRequiredService<ConversationStartup>().Facts.GetAwaiter().GetResult());
        services.AddSingleton(sp => new Lazy<FactRetriever>(sp.GetRequiredService<FactRetriever>));
        services.AddSingleton<SpecificQuestionAnswerer>();
        services.AddSingleton(sp => FoodCatalog.LoadEmbedded(sp.GetRequiredService<ContentCatalog>()));
        services.AddSingleton(sp => RdaTable.LoadEmbedded(sp.GetRequiredService<ContentCatalog>()));
        // The topics (intents, buttons, menu, and the information topics' facts) are one table, checked at start-up.
        services.AddSingleton(TopicCatalog.LoadEmbedded(content));
        // Counts for OpenTelemetry (the host exports them); the host's meter factory when it has one.
        services.TryAddSingleton(sp => new ConversationMetrics(sp.GetService<System.Diagnostics.Metrics.IMeterFactory>(), sp.GetRequiredService<TopicCatalog>()));
        AddDialogs(services);

        // What the clinic keeps for its content team (off by default): redacted, in the same IStorage, erased by forget me.
        services.AddOptions<InsightsOptions>().Bind(configuration.GetSection(InsightsOptions.SectionName))
            .Validate(o => o.Retention > TimeSpan.Zero, "Insights:Retention must be a positive time span, e.g. 30.00:00:00 for 30 days.")
            .Validate(o => o.MaxItems > 0, "Insights:MaxItems must be at least 1.")
            .ValidateOnStart();
        services.AddSingleton<InsightStore>();
        // The redactor reads the word list and the training phrases: built on the first message it redacts.
        services.AddSingleton(sp => new Lazy<PersonalDetailsRedactor>(() => new PersonalDetailsRedactor(EnglishWords.Embedded,
            NluDataFile.LoadTraining().Utterances.SelectMany(u => MessageWords.VocabularyOf(u.Text))
                .Concat(sp.GetRequiredService<MedicationLexicon>().Names.SelectMany(n => TextNormalizer.Words(n.Spelling).Concat(TextNormalizer.Words(n.Canonical))))
                .Concat(sp.GetRequiredService<MedicationLexicon>().OrdinaryWords))));
        services.AddSingleton<InsightRecorder>();

        services.AddSingleton<ConversationState>();
        services.AddSingleton<UserState>();
        services.AddSingleton<ConversationRunner>();
        services.AddSingleton<MagBotActivityHandler>();
        services.AddSingleton<IBot>(sp => sp.GetRequiredService<MagBotActivityHandler>());
        return services;
    }

    private static void AddDialogs(IServiceCollection services)
    {
        services.AddSingleton<Dialog, TextPrompt>(_ => new TextPrompt());
        services.AddSingleton<Dialog, ChoicePrompt>(_ => new ChoicePrompt(ChoiceRecognizer.Recognize));
        services.AddSingleton<Dialog, ConfirmPrompt>(_ => new ConfirmPrompt(YesNoRecognizer.Recognize));
        services.AddSingleton<Dialog>(sp => new QuantityPrompt(PromptIds.Dose, sp.GetRequiredService<QuantityRecognizer>().DoseMilligrams));
        services.AddSingleton<Dialog>(sp => new QuantityPrompt(PromptIds.Age, sp.GetRequiredService<QuantityRecognizer>().AgeYears));
        services.AddSingleton<Dialog>(sp => new QuantityPrompt(PromptIds.Number, sp.GetRequiredService<QuantityRecognizer>().Number));
        services.AddSingleton<Dialog, ResumeOfferDialog>();
        services.AddSingleton<Dialog, FoodsDialog>();
        services.AddSingleton<Dialog, AmountsDialog>();
        services.AddSingleton<Dialog, InteractionScreeningDialog>();
        services.AddSingleton<Dialog>(sp => new MedicationPrompt(InteractionScreeningDialog.ListPromptId, MedicationQuestion.List, sp.GetRequiredService<MedicationRecognizer>()));
        services.AddSingleton<Dialog>(sp => new MedicationPrompt(InteractionScreeningDialog.MorePromptId, MedicationQuestion.More, sp.GetRequiredService<MedicationRecognizer>()));
        services.AddSingleton<Dialog>(sp => new MedicationPrompt(InteractionScreeningDialog.UnknownPromptId, MedicationQuestion.UnknownName, sp.GetRequiredService<MedicationRecognizer>()));
        services.AddSingleton<Dialog>(sp => new ConditionsPrompt(InteractionScreeningDialog.ConditionsPromptId, sp.GetRequiredService<MedicationRecognizer>(), sp.GetRequiredService<MedicationLexicon>()));
        services.AddSingleton<Dialog, ProviderDialog>();
        // One InfoTopicDialog per information topic of the table (the catalog in the container, so a test table works too).
        services.AddSingleton(sp => new DialogSet(sp.GetServices<Dialog>().Concat(sp.GetRequiredService<TopicCatalog>().InformationTopics
            .Select(t => new InfoTopicDialog(t, sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<ClinicOptions>>())))));
    }
}

/// <summary>Ids of the shared prompts.</summary>
public static class PromptIds
{
    public const string Text = TextPrompt.DefaultId;
    public const string Choice = ChoicePrompt.DefaultId;
    public const string Confirm = ConfirmPrompt.DefaultId;
    public const string Dose = "prompt.dose";
    public const string Age = "prompt.age";
    public const string Number = "prompt.number";
}
