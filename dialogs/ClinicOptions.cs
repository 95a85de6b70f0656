namespace MagBot.Dialogs;

/// <summary>
/// What a clinic that embeds MagBot configures about itself (section <c>Clinic</c>).
/// Every field is optional: without them MagBot speaks for no clinic and points to "a health-care provider".
/// </summary>
public sealed class ClinicOptions
{
    public const string SectionName = "Clinic";

    public string? Name { get; set; }
    public string? Phone { get; set; }
    public string? BookingUrl { get; set; }
    public string? Email { get; set; }
    public string? Address { get; set; }

    /// <summary>The number to call in an emergency where the user is. Default: 911 (US).</summary>
    public string EmergencyNumber { get; set; } = "911";

    /// <summary>A suicide and crisis line. Default: 988 (US Suicide &amp; Crisis Lifeline).</summary>
    public string CrisisLine { get; set; } = "988";

    /// <summary>Poison control. Default: the US Poison Help line.</summary>
    public string PoisonControl { get; set; } = "1-800-222-1222";

    /// <summary>Web chat branding (the page reads these; the conversation ignores them).</summary>
    public string AccentColor { get; set; } = "#0b6e4f";
    public string AvatarInitials { get; set; } = "MB";
    public string? WelcomeLine { get; set; }

    /// <summary>The clinic's terms of use and privacy notice (https addresses), linked in the welcome and by the terms command.</summary>
    public string? TermsUrl { get; set; }
    public string? PrivacyUrl { get; set; }

    /// <summary>When true, health topics wait until the person answers "I agree" to the terms of <see cref="ConsentVersion"/>.</summary>
    public bool RequireConsent { get; set; }

    /// <summary>The version of the terms people agree to; a new version asks again. Default: 1.</summary>
    public string ConsentVersion { get; set; } = "1";

    /// <summary>Placeholders every wording may use: clinic details and emergency numbers.</summary>
    public Dictionary<string, string?> Placeholders() => new()
    {
        ["clinicName"] = Name,
        ["clinicGreeting"] = string.IsNullOrWhiteSpace(Name) ? null : $" from {Name}",
        ["clinicPhone"] = Phone,
        ["bookingUrl"] = BookingUrl,
        ["emergencyNumber"] = EmergencyNumber,
        ["crisisLine"] = CrisisLine,
        ["poisonControl"] = PoisonControl,
        ["termsUrl"] = TermsUrl,
        ["privacyUrl"] = PrivacyUrl,
        // Whom the safety net and "see a doctor today" send people to: the clinic when it gave a number.
        ["clinicContact"] = string.IsNullOrWhiteSpace(Phone) ? "your doctor's office" : $"{(string.IsNullOrWhiteSpace(Name) ? "your clinic" : Name)} at {Phone}",
        ["clinicContactEs"] = string.IsNullOrWhiteSpace(Phone) ? "el consultorio de su médico" : $"{(string.IsNullOrWhiteSpace(Name) ? "su clínica" : Name)} al {Phone}",
    };
}
