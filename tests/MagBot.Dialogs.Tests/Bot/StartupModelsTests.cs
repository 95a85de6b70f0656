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
        "0.999460 0.000442 0.000098 heart 0.925369 | none 0.605644 | migraine.tension.note 0.504314",
        "0.993636 0.000200 0.006165 intentional_overdose 0.793620 | supplement_forms 0.465540 | sideeffects.toomuch 0.967824",
        "0.999265 0.000131 0.000603 crisis 0.999877 | none 0.578219 | migraine.guideline.meaning 0.175246",
        "0.003776 0.986852 0.009372 symptom 0.985843 | none 0.975998 | migraine.doses 0.732807",
        "0.000318 0.000068 0.999614 ordinary 0.999851 | foods 0.999979 | foods.intro 0.996401",
        "0.000564 0.000202 0.999234 ordinary 0.999496 | amounts 0.999859 | amounts.ul 0.584566",
        "0.000231 0.002500 0.997269 ordinary 0.997946 | migraine 0.999562 | unanswered 0.602108",
        "0.005440 0.002098 0.992462 ordinary 0.999568 | supplement_forms 0.999998 | forms.glycinate 0.981498",
        "0.000446 0.001622 0.997932 ordinary 0.999345 | medication_check 0.999764 | unanswered 0.791864",
        "0.000873 0.000341 0.998786 ordinary 0.997735 | greeting 0.999976 | overview 0.895504",
        "0.004471 0.000729 0.994800 ordinary 0.995471 | thanks 0.994730 | migraine.guideline.meaning 0.183597",
        "0.003141 0.004403 0.992456 ordinary 0.982191 | start_over 0.980000 | sideeffects.toomuch 0.195688",
        "0.996421 0.002326 0.001253 headache_emergency 0.984671 | none 0.849396 | migraine.roles 0.621623",
        "0.993927 0.005380 0.000692 headache_emergency 0.798170 | none 0.518213 | testing.other 0.116969",
        "0.473407 0.516636 0.009957 symptom 0.562427 | none 0.712251 | unanswered 0.203553",
        "0.996548 0.001157 0.002295 poisoning 0.738550 | none 0.900000 | testing.normal 0.117065",
        "0.001210 0.001857 0.996933 ordinary 0.989625 | fibromyalgia 0.992301 | unanswered 0.439951",
        "0.000114 0.000360 0.999526 ordinary 0.999469 | amounts 0.610710 | amounts.ul 0.999519",
        "0.010689 0.009856 0.979455 ordinary 0.999153 | supplement_forms 1.000000 | forms.topical 0.775388",
        "0.998866 0.000321 0.000813 stroke 0.999689 | none 0.970944 | fibromyalgia.meaning 0.546270",
        "0.014061 0.914494 0.071445 symptom 0.955814 | side_effects 0.999224 | sideeffects.common 0.816860",
        "0.000059 0.000124 0.999817 ordinary 0.999956 | testing 1.000000 | testing.serum 0.779381",
        "0.000477 0.020832 0.978691 ordinary 0.978006 | medication_check 0.999998 | unanswered 0.812114",
        "0.047930 0.951645 0.000425 symptom 0.837489 | tension_headache 0.298937 | migraine.roles 0.670912",
        "0.002557 0.000114 0.997328 ordinary 0.999102 | none 0.773276 | sideeffects.careful 0.962471",
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
