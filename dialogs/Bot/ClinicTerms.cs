using MagBot.Dialogs.Knowledge;
using MagBot.Dialogs.Replies;

namespace MagBot.Dialogs.Bot;

/// <summary>The clinic's terms of use and privacy notice as the conversation shows them: one line in the welcome,
/// the terms command, and the consent question when <see cref="ClinicOptions.RequireConsent"/> is on.</summary>
public sealed class ClinicTerms(ContentCatalog content, ClinicOptions clinic)
{
    /// <summary>"the terms of use and the privacy notice" as Markdown links, or null when neither is configured.</summary>
    public string? Links()
    {
        var args = clinic.Placeholders();
        var terms = !string.IsNullOrWhiteSpace(clinic.TermsUrl);
        var privacy = !string.IsNullOrWhiteSpace(clinic.PrivacyUrl);
        return (terms, privacy) switch
        {
            (true, true) => content.Text("terms.links.both", args),
            (true, false) => content.Text("terms.links.terms", args),
            (false, true) => content.Text("terms.links.privacy", args),
            _ => null,
        };
    }

    /// <summary>The welcome's line about the terms, or null when the clinic has published none.</summary>
    public Reply? WelcomeLine() => Links() is { } links ? new Reply { Text = With("welcome.terms", links) } : null;

    /// <summary>The terms command's answer.</summary>
    public Reply Show() => new() { Text = Links() is { } links ? With("terms.show", links) : content.Text("terms.none") };

    /// <summary>Has the person agreed to the current terms (always true when the clinic does not ask)?</summary>
    public bool Agreed(ConsentRecord? record) => !clinic.RequireConsent || record?.Version == clinic.ConsentVersion;

    public bool IsAgreement(string text) => string.Equals(text.Trim().TrimEnd('.', '!'), content.Text("consent.agree"), StringComparison.OrdinalIgnoreCase);

    /// <summary>The consent question with its "I agree" button (a changed version says so).</summary>
    public Reply Ask(ConsentRecord? record) => new()
    {
        Text = With(record?.Version is null ? "consent.ask" : "consent.ask.new", Links() ?? content.Text("terms.links.none")),
        Buttons = [ReplyButton.Same(content.Text("consent.agree"))],
    };

    public string Version => clinic.ConsentVersion;

    private string With(string key, string links)
    {
        var args = clinic.Placeholders();
        args["termsLinks"] = links;
        return content.Text(key, args);
    }
}
