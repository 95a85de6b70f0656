using MagBot.Dialogs.Bot;
using MagBot.Dialogs.Knowledge;
using MagBot.Dialogs.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace MagBot.Dialogs.Tests.Bot;

/// <summary>Terms and privacy, the consent gate, and "what do you know about me" (issue 19, items 1 and 2), turn by turn.</summary>
public sealed class RightsCommandTests
{
    private const string TermsUrl = "https://riverside.example/terms";
    private const string PrivacyUrl = "https://riverside.example/privacy";

    private static readonly Dictionary<string, string?> Published = new()
    {
        ["Clinic:TermsUrl"] = TermsUrl,
        ["Clinic:PrivacyUrl"] = PrivacyUrl,
    };

    [Fact]
    public async Task Welcome_states_the_terms_in_one_line_with_both_links()
    {
        using var conv = new BotConversation(Published);
        var welcome = await conv.JoinAsync();

        var line = Assert.Single(welcome, r => (r.Text ?? "").Contains(TermsUrl, StringComparison.Ordinal));
        Assert.Contains($"]({PrivacyUrl})", line.Text);
        Assert.DoesNotContain('\n', line.Text!);
    }

    [Fact]
    public async Task Without_published_terms_the_welcome_has_no_terms_line()
    {
        using var conv = new BotConversation();
        var welcome = await conv.JoinAsync();
        Assert.DoesNotContain(welcome, r => (r.Text ?? "").Contains("terms of use", StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [InlineData("terms")]
    [InlineData("privacy policy")]
    [InlineData("terms of use and privacy")]
    [InlineData("Terms and conditions please")]
    public async Task Terms_command_mid_flow_shows_the_links_then_asks_the_flow_question_again(string command)
    {
        using var conv = new BotConversation(Published);
        await conv.JoinAsync();
        var question = (await conv.SendAsync("Foods with magnesium"))[^1].Text;

        var replies = await conv.SendAsync(command);

        Assert.Contains(TermsUrl, replies[0].Text);
        Assert.Contains(PrivacyUrl, replies[0].Text);
        Assert.Equal(question, replies[^1].Text);
        Assert.Contains("Which fits you", (await conv.SendAsync("yes")).AllText() + (await conv.SendAsync("34")).AllText());
    }

    [Fact]
    public async Task Terms_command_without_published_terms_says_so_and_offers_the_menu()
    {
        using var conv = new BotConversation();
        await conv.JoinAsync();
        var replies = await conv.SendAsync("privacy");
        Assert.Equal(Text(conv, "terms.none"), replies[0].Text);
        Assert.Contains(Text(conv, "menu.foods"), replies.AllButtons());
    }

    [Fact]
    public async Task What_do_you_know_lists_the_flow_and_the_medicines_then_forget_me_erases_them()
    {
        using var conv = new BotConversation();
        await conv.JoinAsync();
        await conv.SendAsync("Check my medications");
        await conv.SendAsync("amlodipine");

        var known = await conv.SendAsync("what do you know about me?");

        var list = known[0].Text!;
        Assert.StartsWith(Text(conv, "mydata.intro"), list);
        Assert.Contains("amlodipine", list);
        Assert.Contains(Text(conv, "mydata.welcomed"), list);
        Assert.Contains("Where we are", list);
        Assert.Equal(Text(conv, "mydata.keep"), known[1].Text);
        Assert.Contains(Text(conv, "mydata.forget"), known[1].AllButtonsOf());

        Assert.Equal(Text(conv, "delete.done"), Assert.Single(await conv.SendAsync(Text(conv, "mydata.forget"))).Text);
        var after = await conv.SendAsync("what do you know about me");
        Assert.Equal(Text(conv, "mydata.nothing"), after[0].Text);
        Assert.DoesNotContain("amlodipine", after.AllText());
    }

    [Fact]
    public async Task What_do_you_know_names_the_age_group_and_amount_not_the_exact_age()
    {
        using var conv = new BotConversation();
        await conv.JoinAsync();
        await conv.SendAsync("How much magnesium?");
        await conv.SendAsync("yes");
        await conv.SendAsync("250 mg");

        var list = (await conv.SendAsync("what have you stored about me"))[0].Text!;

        Assert.Contains("250 mg a day", list);
        Assert.Contains("Where we are", list);
    }

    [Fact]
    public async Task With_consent_required_topics_wait_for_I_agree_and_the_version_is_stored()
    {
        using var conv = new BotConversation(new Dictionary<string, string?>(Published) { ["Clinic:RequireConsent"] = "true", ["Clinic:ConsentVersion"] = "7" });
        var welcome = await conv.JoinAsync();
        Assert.Contains(Text(conv, "consent.agree"), welcome.AllButtons());

        var waiting = await conv.SendAsync("Magnesium and migraine");
        Assert.Contains(Text(conv, "consent.agree"), waiting.AllButtons());
        Assert.DoesNotContain(Text(conv, "migraine.guideline"), waiting.AllText());
        // Commands still work before agreeing.
        Assert.Equal(Text(conv, "help.intro"), (await conv.SendAsync("help"))[0].Text);

        // The topic asked for before agreeing starts now (see The_topic_asked_for_before_agreeing_starts_once_the_person_agrees).
        Assert.Equal(Text(conv, "consent.thanks.resume"), (await conv.SendAsync("I agree"))[0].Text);
        Assert.DoesNotContain(Text(conv, "consent.agree"), (await conv.SendAsync("Magnesium and migraine")).AllButtons());
        Assert.Contains("version 7", (await conv.SendAsync("what do you know about me"))[0].Text);
    }

    [Fact]
    public async Task The_topic_asked_for_before_agreeing_starts_once_the_person_agrees()
    {
        using var conv = new BotConversation(new Dictionary<string, string?>(Published) { ["Clinic:RequireConsent"] = "true" });
        await conv.JoinAsync();
        Assert.Contains(Text(conv, "consent.agree"), (await conv.SendAsync("Magnesium and migraine")).AllButtons());
        Assert.Contains(Text(conv, "mydata.pending"), (await conv.SendAsync("what do you know about me"))[0].Text);

        var agreed = await conv.SendAsync("I agree");

        Assert.Equal(Text(conv, "consent.thanks.resume"), agreed[0].Text);
        Assert.Contains(Text(conv, "migraine.guideline"), agreed.AllText());
        Assert.DoesNotContain(Text(conv, "mydata.pending"), (await conv.SendAsync("what do you know about me"))[0].Text);
    }

    [Fact]
    public async Task Medicines_named_before_agreeing_start_the_medication_check_after_not_their_names_kept()
    {
        using var conv = new BotConversation(new Dictionary<string, string?>(Published) { ["Clinic:RequireConsent"] = "true" });
        await conv.JoinAsync();
        await conv.SendAsync("I take amlodipine, can I take magnesium?");
        var known = (await conv.SendAsync("what do you know about me"))[0].Text!;
        Assert.DoesNotContain("amlodipine", known);

        var agreed = await conv.SendAsync("I agree");
        Assert.Equal(Text(conv, "consent.thanks.resume"), agreed[0].Text);
        Assert.Contains(Text(conv, "dialog.screening.title"), (await conv.SendAsync("what do you know about me"))[0].Text);
    }

    [Fact]
    public async Task With_consent_required_urgent_guidance_still_comes_first()
    {
        using var conv = new BotConversation(new Dictionary<string, string?>(Published) { ["Clinic:RequireConsent"] = "true" });
        await conv.JoinAsync();
        var replies = await conv.SendAsync("I want to end my life");
        Assert.Contains("988", replies[0].Text);
        Assert.DoesNotContain(Text(conv, "consent.agree"), replies.AllButtons());
    }

    [Fact]
    public void A_new_version_of_the_terms_asks_again_and_says_they_changed()
    {
        var content = ContentCatalog.LoadEmbedded();
        var terms = new ClinicTerms(content, new ClinicOptions { RequireConsent = true, ConsentVersion = "2", TermsUrl = TermsUrl });

        Assert.False(terms.Agreed(new ConsentRecord { Version = "1" }));
        Assert.True(terms.Agreed(new ConsentRecord { Version = "2" }));
        Assert.StartsWith("Our terms have changed", terms.Ask(new ConsentRecord { Version = "1" }).Text);
        Assert.True(new ClinicTerms(content, new ClinicOptions()).Agreed(null));
    }

    private static string Text(BotConversation conv, string key) => conv.Services.GetRequiredService<ContentCatalog>().Text(key);
}
