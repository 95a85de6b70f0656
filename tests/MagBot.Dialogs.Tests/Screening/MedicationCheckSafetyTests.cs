using MagBot.Dialogs.Safety;
using MagBot.Dialogs.Tests.Support;
using MagBot.Dialogs.Topics;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;

namespace MagBot.Dialogs.Tests.Screening;

/// <summary>
/// Issue 15, every answer stays in the check, without weakening the safety screen: an alarm raised while the check waits
/// gets the same urgent reply, first and alone, and the check's question stays waiting behind it.
/// </summary>
public sealed class MedicationCheckSafetyTests
{
    private const string Ask = "Which medicines and supplements do you take?";

    [Theory]
    [InlineData("my husband just collapsed and he isn't breathing")]           // someone else's emergency
    [InlineData("I'm having crushing chest pain right now")]                       // an emergency typed while the check waits
    [InlineData("I want to kill myself")]
    public async Task An_alarm_while_the_check_waits_gets_the_urgent_reply_first_and_alone(string text)
    {
        using var conv = new BotConversation();
        Assert.Contains(Ask, (await conv.SendAsync("Check my medications")).AllText());
        var expected = conv.Services.GetRequiredService<ISafetyScreen>().Screen(text);
        Assert.NotNull(expected);
        Assert.True(SafetyCategories.IsAlarm(expected.Category), $"\"{text}\" is not an alarm of the screen ({expected.Category})");

        var replies = await conv.SendAsync(text);

        Assert.Equal(expected.Replies.Count, replies.Count); // nothing after the urgent guidance
        // The same guidance word for word; only the closing clause says the check is on hold, since its question waits.
        Assert.Equal(expected.Replies[0].Text!.Replace("I've stopped our chat here", "I've put your medicine check on hold here", StringComparison.Ordinal), replies[0].Text);
        Assert.DoesNotContain("stopped our chat", replies.AllText(), StringComparison.Ordinal);
        Assert.DoesNotContain(Ask, replies.AllText());
    }

    [Fact]
    public async Task An_alarm_outside_the_check_still_says_the_chat_stopped()
    {
        using var conv = new BotConversation();
        await conv.SendAsync("How does magnesium help migraine?");

        var text = (await conv.SendAsync("I'm having crushing chest pain right now")).AllText();

        Assert.Contains("911", text);
        Assert.Contains("I've stopped our chat here", text, StringComparison.Ordinal);
        Assert.DoesNotContain("on hold", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_spanish_alarm_while_the_check_waits_says_in_spanish_that_the_check_is_paused()
    {
        using var conv = new BotConversation();
        await conv.SendAsync("Check my medications");

        var replies = await conv.SendAsync("tengo un dolor de pecho muy fuerte ahora mismo y no puedo respirar");

        var text = replies.AllText();
        Assert.StartsWith("**Llame al 911", replies[0].Text, StringComparison.Ordinal);
        Assert.Contains("dejé en pausa aquí la revisión de sus medicamentos", text, StringComparison.Ordinal);
        Assert.DoesNotContain("detuve nuestra conversación", text, StringComparison.Ordinal);
        Assert.True(InCheck(conv));
    }

    [Fact]
    public async Task After_an_alarm_a_medicine_list_still_answers_the_checks_question()
    {
        using var conv = new BotConversation();
        await conv.SendAsync("Check my medications");
        var alarm = await conv.SendAsync("I'm having crushing chest pain right now");
        Assert.Contains("911", alarm[0].Text);
        Assert.True(InCheck(conv), "the check was thrown away by the alarm");

        var text = (await conv.SendAsync("nitroglycerin spray and metoprolol")).AllText();

        Assert.Contains("**metoprolol**", text);
        Assert.Contains("anything else", text);
        Assert.True(InCheck(conv));
    }

    private static bool InCheck(BotConversation conv)
    {
        var data = StoredState.ConversationDataAsync(conv).GetAwaiter().GetResult();
        return (data?["Stack"] as JArray ?? []).Any(i => (string?)i["Id"] == InteractionScreeningDialog.DialogId);
    }
}
