using System.Globalization;
using MagBot.Cli;
using MagBot.Dialogs.Bot;
using Microsoft.Extensions.DependencyInjection;

namespace MagBot.Dialogs.Tests.Bot;

/// <summary>
/// The models the start-up builds (safety classifier, intent recognizer, fact retriever) answer a fixed sample of
/// messages as they did before the start-up work was reorganised (heads trained side by side, the fact retriever
/// trained with the others): same labels, probabilities within 1e-5. A change to training data or features moves these
/// on purpose: regenerate with <c>MAGBOT_PRINT_MODEL_SAMPLE=1</c> (prints the rows to paste) and say why in the commit.
/// The tolerance leaves room for floating-point differences between processors, never for a different model.
/// </summary>
public sealed class StartupModelsTests
{
    private static readonly TimeSpan Hang = TimeSpan.FromMinutes(3);

    // Written for this test (not from any training or held-out set): English and Spanish, alarms, symptoms, topics, checks.
    private static readonly string[] Sample =
    [
        "my left arm went numb and my chest feels tight",
        "i swallowed a whole bottle of magnesium tablets an hour ago",
        "sometimes i think everyone would be better off without me",
        "my legs ache more than usual after the long drive",
        "which foods are good sources of magnesium",
        "how much magnesium can a 10 year old take",
        "does magnesium help with migraine attacks",
        "is glycinate better absorbed than oxide",
        "i take lisinopril and metformin, is that ok with magnesium",
        "hello there",
        "thanks, that helped",
        "start over",
        "the worst headache of my life started a minute ago",
        "tengo un dolor de cabeza muy fuerte y no veo bien",
        "me siento muy cansada todo el dia",
        "mi hijo se tomo las pastillas de su abuela",
        "can magnesium make my fibromyalgia pain better",
        "what is the upper limit for supplements",
        "is epsom salt in the bath absorbed through skin",
        "my face is drooping on one side and my words are slurred",
        "i have diarrhea since i started taking magnesium citrate",
        "how do doctors test magnesium levels",
        "can i take magnesium with my antibiotic",
        "i've had a mild headache on and off this week",
        "who made you",
    ];

    // Each row: the safety kind probabilities (alarm, symptom, ordinary), the top category and its probability; the intent
    // and its score; the fact retriever's top class and its score.
    private static readonly string[] Expected =
    [
        "0.999199 0.000738 0.000062 heart 0.965808 | none 0.624675 | migraine.tension.note 0.500515",
        "0.995892 0.000116 0.003992 intentional_overdose 0.846823 | supplement_forms 0.502590 | sideeffects.toomuch 0.966643",
        "0.999293 0.000175 0.000533 crisis 0.999794 | none 0.567304 | migraine.guideline.meaning 0.175246",
        "0.003364 0.990907 0.005729 symptom 0.996834 | none 0.983438 | migraine.doses 0.732852",
        "0.000098 0.000027 0.999875 ordinary 0.999926 | foods 0.999990 | foods.intro 0.996401",
        "0.000471 0.000299 0.999230 ordinary 0.999014 | amounts 0.999880 | amounts.ul 0.584566",
        "0.000111 0.000810 0.999079 ordinary 0.999465 | migraine 0.999702 | unanswered 0.602108",
        "0.003668 0.003909 0.992422 ordinary 0.999410 | supplement_forms 0.999999 | forms.glycinate 0.981498",
        "0.000375 0.001615 0.998010 ordinary 0.999428 | medication_check 0.999771 | unanswered 0.791864",
        "0.002217 0.000440 0.997343 ordinary 0.995697 | greeting 0.999978 | overview 0.895504",
        "0.002860 0.000967 0.996173 ordinary 0.997914 | thanks 0.998064 | migraine.guideline.meaning 0.381589",
        "0.003038 0.004714 0.992248 ordinary 0.983340 | start_over 0.980000 | sideeffects.toomuch 0.195688",
        "0.995975 0.002304 0.001721 headache_emergency 0.995555 | none 0.874303 | migraine.roles 0.626710",
        "0.997689 0.001775 0.000536 headache_emergency 0.927940 | none 0.518542 | testing.other 0.117001",
        "0.057393 0.938994 0.003613 symptom 0.953604 | none 0.682462 | unanswered 0.203553",
        "0.991098 0.004947 0.003955 poisoning 0.852618 | none 0.900000 | testing.normal 0.117065",
        "0.001537 0.004453 0.994010 ordinary 0.990977 | fibromyalgia 0.993820 | unanswered 0.439951",
        "0.000126 0.000208 0.999666 ordinary 0.999735 | amounts 0.727560 | amounts.ul 0.999522",
        "0.037462 0.018336 0.944202 ordinary 0.998101 | supplement_forms 1.000000 | forms.topical 0.775388",
        "0.997207 0.000494 0.002298 stroke 0.999113 | none 0.983252 | fibromyalgia.meaning 0.546682",
        "0.006856 0.952266 0.040878 symptom 0.953773 | side_effects 0.999429 | sideeffects.common 0.816875",
        "0.000082 0.000102 0.999816 ordinary 0.999969 | testing 1.000000 | testing.serum 0.779381",
        "0.000447 0.010315 0.989238 ordinary 0.987701 | medication_check 0.999999 | unanswered 0.812114",
        "0.036791 0.962986 0.000223 symptom 0.623230 | tension_headache 0.265917 | migraine.roles 0.675994",
        "0.003840 0.000080 0.996080 ordinary 0.997941 | none 0.754133 | sideeffects.careful 0.963054",
    ];

    [Fact]
    public async Task The_start_up_models_answer_the_sample_as_before()
    {
        using var services = InProcessBot.Create();
        var startup = services.GetRequiredService<ConversationStartup>();
        await startup.StartAsync(CancellationToken.None).WaitAsync(Hang);
        var safety = await startup.SafetyModel.WaitAsync(Hang);
        var intents = await startup.Intents.WaitAsync(Hang);
        var facts = await startup.Facts.WaitAsync(Hang);

        var rows = Sample.Select(text =>
        {
            var s = safety.PredictBoth(text);
            var top = Array.IndexOf(s.Categories, s.Categories.Max());
            var intent = intents.Recognize(text);
            var fact = facts.Find(text, intent);
            var (factClass, factScore) = fact.Ranked.Count > 0 ? fact.Ranked[0] : ("-", 0.0);
            return string.Create(CultureInfo.InvariantCulture,
                $"{s.Alarm:F6} {s.Symptom:F6} {s.Ordinary:F6} {safety.Labels[top]} {s.Categories[top]:F6} | {intent.Intent} {intent.Score:F6} | {factClass} {factScore:F6}");
        }).ToList();
        if (Environment.GetEnvironmentVariable("MAGBOT_PRINT_MODEL_SAMPLE") == "1")
        {
            Console.WriteLine(string.Join("\n", rows.Select(r => $"        \"{r}\",")));
            File.WriteAllLines(Path.Combine(Path.GetTempPath(), "magbot-model-sample.txt"), rows.Select(r => $"        \"{r}\","));
        }

        Assert.Equal(Sample.Length, Expected.Length);
        for (var i = 0; i < Sample.Length; i++) AssertSame(Expected[i], rows[i], Sample[i]);
    }

    private static void AssertSame(string expected, string actual, string text)
    {
        var e = expected.Split(' ');
        var a = actual.Split(' ');
        Assert.True(e.Length == a.Length, $"'{text}': expected {expected}, got {actual}");
        for (var i = 0; i < e.Length; i++)
        {
            if (double.TryParse(e[i], NumberStyles.Float, CultureInfo.InvariantCulture, out var x)
                && double.TryParse(a[i], NumberStyles.Float, CultureInfo.InvariantCulture, out var y))
                Assert.True(Math.Abs(x - y) <= 1e-5 + 1e-6, $"'{text}': expected {expected}, got {actual}");
            else Assert.True(e[i] == a[i], $"'{text}': expected {expected}, got {actual}");
        }
    }
}
