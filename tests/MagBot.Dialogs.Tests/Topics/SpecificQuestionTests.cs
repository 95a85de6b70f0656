using MagBot.Dialogs.Knowledge;
using MagBot.Dialogs.Tests.Support;
using MagBot.Dialogs.Understanding;
using MagBot.Dialogs.Understanding.Answers;
using Microsoft.Extensions.DependencyInjection;

namespace MagBot.Dialogs.Tests.Topics;

/// <summary>Issue 21: a greeting that carries a question, a specific question answered by its fact with the source and
/// the offer of the overview, a question no fact answers, and a clarifying question when understanding is unsure.</summary>
public sealed class SpecificQuestionTests
{
    [Fact]
    public async Task Greeting_that_carries_a_question_is_answered_as_the_question()
    {
        using var conv = new BotConversation();
        var content = conv.Services.GetRequiredService<ContentCatalog>();

        var replies = await conv.SendAsync("hi! got diagnosed with fibromyalgia last month, is magnesium one of the things that might help?");

        Assert.DoesNotContain(content.Text("greeting.reply"), replies.AllText());
        // Answered about fibromyalgia (facts, overview, or a question back that offers it), never the greeting.
        Assert.Contains("fibromyalgia", replies.AllText() + string.Join(" ", replies.AllButtons()), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Specific_question_gets_its_fact_with_source_then_the_offer_of_the_overview()
    {
        using var conv = new BotConversation();
        var content = conv.Services.GetRequiredService<ContentCatalog>();

        var replies = await conv.SendAsync("does the magnesium in my multivitamin count toward the daily limit?");

        Assert.Equal(content.Text("amounts.ul"), replies[0].Text);
        Assert.StartsWith("_Source: ", replies[^2].Text);
        Assert.Contains(content.Source("nih-ods-magnesium-hp").Title, replies[^2].Text);
        Assert.Equal(content.Text("answer.more"), replies[^1].Text);
        Assert.Equal(content.Text("menu.amounts"), replies[^1].AllButtonsOf()[0]);

        // The offered overview is the whole topic.
        var overview = await conv.SendAsync(content.Text("menu.amounts"));
        Assert.StartsWith(content.Text("amounts.rda.intro"), overview[0].Text);
    }

    [Fact]
    public async Task General_question_still_gets_the_topic_overview()
    {
        using var conv = new BotConversation();
        var content = conv.Services.GetRequiredService<ContentCatalog>();

        var replies = await conv.SendAsync("magnesium and migraine");

        Assert.Equal(content.Text("migraine.roles"), replies[0].Text);
        Assert.DoesNotContain(content.Text("answer.more"), replies.AllText());
    }

    [Fact]
    public async Task Low_confidence_message_gets_one_clarifying_question_with_topic_buttons()
    {
        using var conv = new BotConversation(configure: s => s.AddSingleton<IIntentRecognizer>(new FixedRecognizer(
            new IntentResult(Intents.Migraine, 0.45, [(Intents.TensionHeadache, 0.40), (Intents.Mechanism, 0.1)]))));
        var content = conv.Services.GetRequiredService<ContentCatalog>();

        var replies = await conv.SendAsync("my head thing again, would mag do anything");

        var reply = Assert.Single(replies);
        Assert.Equal(content.Text("clarify.ask"), reply.Text);
        Assert.Equal([content.Text("menu.migraine"), content.Text("menu.tension"), content.Text("menu.mechanism")], reply.AllButtonsOf());
    }

    [Fact]
    public async Task Two_close_topics_are_clarified_even_above_the_threshold()
    {
        var close = new IntentResult(Intents.Migraine, 0.55, [(Intents.TensionHeadache, 0.40)]);
        Assert.True(ClarifyPolicy.ShouldClarify(close));
        Assert.False(ClarifyPolicy.ShouldClarify(new IntentResult(Intents.Migraine, 0.9, [(Intents.TensionHeadache, 0.05)])));

        using var conv = new BotConversation(configure: s => s.AddSingleton<IIntentRecognizer>(new FixedRecognizer(close)));
        var content = conv.Services.GetRequiredService<ContentCatalog>();
        var replies = await conv.SendAsync("headache again");
        Assert.Equal(content.Text("clarify.ask"), Assert.Single(replies).Text);
    }

    [Fact]
    public async Task Question_no_fact_answers_is_told_so_and_offered_the_topics()
    {
        using var conv = new BotConversation(configure: s => s.AddSingleton<IIntentRecognizer>(new FixedRecognizer(
            new IntentResult(Intents.SupplementForms, 0.95, [(Intents.Amounts, 0.02)]))));
        var content = conv.Services.GetRequiredService<ContentCatalog>();

        var reply = Assert.Single(await conv.SendAsync("which brand of magnesium is best"));

        Assert.Equal(content.Text("answer.unknown"), reply.Text);
        Assert.Equal(content.Text("menu.forms"), reply.AllButtonsOf()[0]);
        Assert.DoesNotContain("_Source: ", reply.Text);
    }

    [Fact]
    public void Retriever_picks_the_fact_that_answers_and_reads_the_dose()
    {
        using var conv = new BotConversation();
        var retriever = conv.Services.GetRequiredService<FactRetriever>();

        var dose = retriever.Find("i take 500 mg a day, is that too much");
        Assert.Equal(AnswerKind.Fact, dose.Kind);
        Assert.Equal(FactQuestions.DoseAboveKey, dose.Keys[0]);
        Assert.Equal(500, dose.DoseMilligrams);
        Assert.Equal(AnswerKind.Overview, retriever.Find("tell me about magnesium and fibromyalgia").Kind);
        Assert.NotEqual(AnswerKind.Fact, retriever.Find("which brand of magnesium is best").Kind);
    }

    [Fact]
    public void Retriever_compares_a_stated_dose_with_the_limit_for_the_age_stated()
    {
        using var conv = new BotConversation();
        var retriever = conv.Services.GetRequiredService<FactRetriever>();

        // 200 mg is within the adult supplement limit (350 mg) but over the limit for ages 4 to 8 (110 mg).
        var child = retriever.Find("my son is 6, is 200 mg of magnesium a day too much");
        var adult = retriever.Find("i take 200 mg a day, is that too much");

        Assert.Equal(AnswerKind.Fact, child.Kind);
        Assert.Equal(FactQuestions.DoseAboveKey + FactQuestions.ByAgeSuffix, child.Keys[0]);
        Assert.Equal(FactQuestions.DoseWithinKey, adult.Keys[0]);
    }

    [Fact]
    public void Every_fact_a_topic_shows_has_questions_attached()
    {
        using var conv = new BotConversation();
        var questions = conv.Services.GetRequiredService<FactQuestions>();
        var content = conv.Services.GetRequiredService<ContentCatalog>();
        string[] shown = [.. content.Entries.Where(e => e.IsFact && e.File is "fibromyalgia.yaml" or "migraine.yaml" or "mechanism.yaml" or "testing.yaml"
            or "forms.yaml" or "side-effects.yaml" or "amounts.yaml").Select(e => e.Key)];
        Assert.NotEmpty(shown);
        // A stated dose is one kind of question; the amounts topic answers it with the adult or the by-age wording.
        var covered = questions.ByFact.Keys.Concat([FactQuestions.DoseAboveKey, FactQuestions.DoseWithinKey,
            FactQuestions.DoseAboveKey + ".age", FactQuestions.DoseWithinKey + ".age"]).ToHashSet();
        var missing = shown.Except(covered).ToList();
        Assert.True(missing.Count == 0, "Facts without questions: " + string.Join(", ", missing));
    }

    [Fact]
    public void Clarified_question_gets_a_fact_only_when_one_confidently_answers_it_in_an_offered_topic()
    {
        using var conv = new BotConversation();
        var retriever = conv.Services.GetRequiredService<FactRetriever>();
        const string question = "how many grams of magnesium are in an adult body";
        var close = new IntentResult(Intents.Testing, 0.55, [(Intents.Mechanism, 0.40)]);
        Assert.True(ClarifyPolicy.ShouldClarify(close));

        var answer = retriever.Answer(question, close);
        Assert.NotNull(answer);
        Assert.Equal("mechanism.bone", answer.Keys[0]);
        Assert.True(answer.Score >= FactRetriever.ClarifiedAnswerThreshold);
        // The same fact is not shown when its topic is not one the clarifying question would offer.
        Assert.Null(retriever.Answer(question, new IntentResult(Intents.Foods, 0.55, [(Intents.Amounts, 0.40)])));
        // A vague message under the same doubt still gets the question back.
        Assert.Null(retriever.Answer("magnesium stuff", close));
    }

    [Fact]
    public async Task Clarified_question_answered_by_a_fact_offers_the_overview_of_the_facts_topic()
    {
        using var conv = new BotConversation(configure: s => s.AddSingleton<IIntentRecognizer>(new FixedRecognizer(
            new IntentResult(Intents.Testing, 0.55, [(Intents.Mechanism, 0.40)]))));
        var content = conv.Services.GetRequiredService<ContentCatalog>();

        var replies = await conv.SendAsync("how many grams of magnesium are in an adult body");

        Assert.Equal(content.Text("mechanism.bone"), replies[0].Text);
        Assert.Equal(content.Text("answer.more"), replies[^1].Text);
        Assert.Equal(content.Text("menu.mechanism"), replies[^1].AllButtonsOf()[0]);
    }

    [Fact]
    public void Retriever_learns_each_facts_own_sentences_without_markup()
    {
        using var conv = new BotConversation();
        var questions = conv.Services.GetRequiredService<FactQuestions>();

        var sentences = FactRetriever.AnswerSentences(questions);

        Assert.Contains(sentences, s => s.Class == "mechanism.bone" && s.Text.Contains("bones", StringComparison.Ordinal));
        Assert.All(sentences, s => Assert.True(questions.ByFact.ContainsKey(s.Class), s.Class));
        Assert.DoesNotContain(sentences, s => s.Text.Contains('*') || s.Text.Contains('{'));
    }

    private sealed class FixedRecognizer(IntentResult result) : IIntentRecognizer
    {
        public IntentResult Recognize(string? text) => result;
    }
}
