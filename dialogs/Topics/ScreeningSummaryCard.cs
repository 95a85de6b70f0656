using System.Globalization;
using MagBot.Dialogs.Knowledge;
using MagBot.Dialogs.Replies;
using Newtonsoft.Json.Linq;

namespace MagBot.Dialogs.Topics;

/// <summary>
/// The summary a person can take to their provider, as an Adaptive Card (schema 1.5, which Teams and Web Chat
/// render): medicines and their classes, interactions found, names not checked, conditions, questions to ask,
/// the clinic's contact and booking link when configured, and the disclaimer. All wording comes from content.
/// </summary>
public static class ScreeningSummaryCard
{
    public const string Version = "1.5";

    public static AdaptiveReplyCard Build(ScreeningReport report, ContentCatalog content, ClinicOptions clinic)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(clinic);
        var body = new JArray
        {
            Text(content.Text("card.title"), size: "Medium", bold: true),
            Heading(content.Text("card.medicines")),
        };
        if (report.Medicines.Count == 0) body.Add(Text(content.Text("card.nothing")));
        else
        {
            body.Add(new JObject
            {
                ["type"] = "FactSet",
                ["facts"] = new JArray(report.Medicines.Select(m => new JObject
                {
                    ["title"] = m.DoseMg is { } d ? $"{m.Name} ({d.ToString("0.###", CultureInfo.InvariantCulture)} mg)" : m.Name,
                    ["value"] = m.Class.Name,
                })),
            });
        }

        body.Add(Heading(content.Text("card.interactions")));
        if (report.Interactions.Count == 0) body.Add(Text(content.Text("card.interactions.none")));
        foreach (var c in report.Interactions)
        {
            var names = string.Join(", ", report.Medicines.Where(m => m.Class.Id == c.Id).Select(m => m.Name));
            body.Add(Text($"**{names}** ({content.Text(InteractionScreeningDialog.SeverityKey(c.Severity))}): {c.Effect} {c.Advice}"));
        }

        if (report.Unchecked.Count > 0)
        {
            body.Add(Heading(content.Text("card.unchecked")));
            body.Add(Text(string.Join(", ", report.Unchecked)));
        }

        if (report.Conditions.Count > 0 || report.ConditionsUnsure)
        {
            body.Add(Heading(content.Text("card.conditions")));
            if (report.Conditions.Count > 0) body.Add(Text(string.Join(", ", report.Conditions.Select(c => c.Name))));
            if (report.ConditionsUnsure) body.Add(Text(content.Text("card.conditions.unsure")));
        }

        body.Add(Heading(content.Text("card.questions")));
        foreach (var q in Questions(report, content)) body.Add(Text("• " + q));

        if (ProviderReferral.HasClinic(clinic))
        {
            body.Add(Heading(content.Text("card.contact")));
            var contact = new[] { clinic.Name, clinic.Phone, clinic.BookingUrl }.Where(s => !string.IsNullOrWhiteSpace(s));
            body.Add(Text(string.Join("\n\n", contact)));
        }
        body.Add(Text(content.Text("card.disclaimer"), subtle: true));

        var card = new JObject
        {
            ["type"] = "AdaptiveCard",
            ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
            ["version"] = Version,
            ["body"] = body,
        };
        if (!string.IsNullOrWhiteSpace(clinic.BookingUrl) && Uri.TryCreate(clinic.BookingUrl, UriKind.Absolute, out var url)
            && (url.Scheme == Uri.UriSchemeHttps || url.Scheme == Uri.UriSchemeHttp))
        {
            card["actions"] = new JArray(new JObject { ["type"] = "Action.OpenUrl", ["title"] = content.Text("card.book"), ["url"] = url.AbsoluteUri });
        }
        return new AdaptiveReplyCard(card, content.Text("card.fallback"));
    }

    /// <summary>One question per interaction class, per unchecked name and per condition, then a general one.</summary>
    public static IReadOnlyList<string> Questions(ScreeningReport report, ContentCatalog content) =>
    [
        .. report.Interactions.Select(c => c.Question),
        .. report.Unchecked.Select(n => content.Text("card.question.unknown", new Dictionary<string, string?> { ["name"] = n })),
        .. report.Conditions.Select(c => content.Text("card.question.condition", new Dictionary<string, string?> { ["name"] = c.Name })),
        content.Text("card.question.general"),
    ];

    private static JObject Heading(string text) => Text(text, bold: true, spacing: "Medium");

    private static JObject Text(string text, string? size = null, bool bold = false, bool subtle = false, string? spacing = null)
    {
        var block = new JObject { ["type"] = "TextBlock", ["text"] = text, ["wrap"] = true };
        if (size is not null) block["size"] = size;
        if (bold) block["weight"] = "Bolder";
        if (subtle) block["isSubtle"] = true;
        if (spacing is not null) block["spacing"] = spacing;
        return block;
    }
}
