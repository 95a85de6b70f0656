using MagBot.Dialogs.Knowledge;
using MagBot.Dialogs.Replies;

namespace MagBot.Dialogs.Topics;

/// <summary>
/// The hand-off to a provider that ends a screening and answers "I want to see a doctor": the clinic's
/// name, phone and booking link when the service is configured with them, otherwise general advice on
/// whom to ask. Configured values are the clinic's own and are shown as given.
/// </summary>
public static class ProviderReferral
{
    public static bool HasClinic(ClinicOptions clinic) =>
        !string.IsNullOrWhiteSpace(clinic.Name) || !string.IsNullOrWhiteSpace(clinic.Phone) || !string.IsNullOrWhiteSpace(clinic.BookingUrl);

    /// <summary>Lines that say how to reach the clinic, or the general advice when none is configured.</summary>
    public static string ContactText(ContentCatalog content, ClinicOptions clinic)
    {
        if (!HasClinic(clinic)) return content.Text("provider.general");
        var args = clinic.Placeholders();
        var lines = new List<string>();
        if (!string.IsNullOrWhiteSpace(clinic.Name)) lines.Add(content.Text("provider.clinic", args));
        if (!string.IsNullOrWhiteSpace(clinic.Phone)) lines.Add(content.Text("provider.clinic.phone", args));
        if (!string.IsNullOrWhiteSpace(clinic.BookingUrl)) lines.Add(content.Text("provider.clinic.booking", args));
        return string.Join("\n\n", lines);
    }
}
