using MagBot.Dialogs.Knowledge;
using MagBot.Dialogs.Tests.Screening;
using MagBot.Dialogs.Tests.Support;
using MagBot.Dialogs.Understanding;
using Microsoft.Extensions.DependencyInjection;

namespace MagBot.Dialogs.Tests.Topics;

public sealed class ProviderDialogTests
{
    [Theory]
    [InlineData("I want to see a doctor")]
    [InlineData("Can I book an appointment?")]
    public async Task Without_a_clinic_it_gives_the_disclaimer_and_whom_to_ask(string text)
    {
        using var conv = new BotConversation();
        var replies = await conv.SendAsync(text);
        var all = replies.AllText();
        Assert.Contains("A health care provider is the right person", all);
        Assert.Contains("A pharmacist can check your medicines", all);
        Assert.Contains("not a substitute for medical advice", all);
        Assert.Contains("Check my medications", replies.AllButtons());
        Assert.DoesNotContain("Phone:", all);
        ScreeningTranscript.AssertNeverCallsSafe(replies);
    }

    [Fact]
    public async Task With_a_clinic_it_gives_the_clinic_name_phone_and_booking_link()
    {
        using var conv = new BotConversation(new Dictionary<string, string?>
        {
            ["Clinic:Name"] = "Riverside Pain Clinic",
            ["Clinic:Phone"] = "+1 555 0100",
            ["Clinic:BookingUrl"] = "https://riverside.example/book",
        });
        var all = (await conv.SendAsync("I want to see a doctor")).AllText();
        Assert.Contains("**Riverside Pain Clinic** can help you with this.", all);
        Assert.Contains("Phone: +1 555 0100", all);
        Assert.Contains("[Book an appointment](https://riverside.example/book)", all);
        Assert.Contains("not a substitute for medical advice", all);
    }

    [Fact]
    public async Task With_only_a_phone_configured_no_empty_placeholders_show()
    {
        using var conv = new BotConversation(new Dictionary<string, string?> { ["Clinic:Phone"] = "+1 555 0199" });
        var all = (await conv.SendAsync("I want to see a doctor")).AllText();
        Assert.Contains("Phone: +1 555 0199", all);
        Assert.DoesNotContain("can help you with this", all);
        Assert.DoesNotContain("Book an appointment", all);
        Assert.DoesNotContain("{", all);
    }

    [Fact]
    public void Lexicon_and_recognizer_are_registered_as_singletons()
    {
        using var conv = new BotConversation();
        Assert.Same(conv.Services.GetRequiredService<MedicationRecognizer>(), conv.Services.GetRequiredService<MedicationRecognizer>());
        Assert.Same(conv.Services.GetRequiredService<MedicationLexicon>(), conv.Services.GetRequiredService<MedicationLexicon>());
    }

    [Theory]
    [InlineData("Is epsom salt absorbed through the skin?")]
    [InlineData("What foods have magnesium?")]
    [InlineData("Can too much magnesium from laxatives cause side effects?")]
    [InlineData("what about epsom salt baths")]
    public async Task A_question_about_forms_or_foods_is_not_taken_as_a_medicine_list(string text)
    {
        using var conv = new BotConversation();
        var all = (await conv.SendAsync(text)).AllText();
        Assert.DoesNotContain("Let's check your medicines", all);
    }

    [Theory]
    [InlineData("I'm on lasix, how much magnesium can I take?", "furosemide")]
    [InlineData("Is it ok to take magnesium with my omeprazole?", "omeprazole")]
    [InlineData("My doctor put me on gabapentin and I wonder about magnesium", "gabapentin")]
    [InlineData("im on a water pill, is magnesium ok", "water pill")]
    [InlineData("any interactions with antibiotics", "antibiotics")]
    [InlineData("is it ok with my blood pressure pills", "blood pressure pills")]
    public async Task A_message_naming_medicines_starts_the_check_with_them(string text, string canonical)
    {
        using var conv = new BotConversation();
        var all = (await conv.SendAsync(text)).AllText();
        Assert.Contains("Let's check your medicines", all);
        Assert.Contains($"**{canonical}**", all);
    }
}
