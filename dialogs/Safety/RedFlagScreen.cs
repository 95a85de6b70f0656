using MagBot.Dialogs.Knowledge;
using MagBot.Dialogs.Replies;
using Microsoft.Extensions.Options;

namespace MagBot.Dialogs.Safety;

/// <summary>
/// The safety screen: the red-flag rules of <c>red-flags.yaml</c> over every message. When any rule
/// matches, the urgent reply of its category is returned (and of a second category when the message
/// raises two, e.g. an overdose and thoughts of suicide), with the configured emergency, crisis and
/// poison-control numbers filled in. Replies carry none of the user's text.
/// </summary>
public sealed class RedFlagScreen(RedFlagRuleSet rules, ContentCatalog content, IOptions<ClinicOptions> clinic) : ISafetyScreen
{
    /// <summary>At most this many urgent replies per message: more would bury the first.</summary>
    public const int MaxReplies = 2;

    public SafetyAlert? Screen(string? text, string? locale = null)
    {
        var matched = rules.Match(text);
        if (matched.Count == 0) return null;
        var args = Args(clinic.Value);
        var categories = matched.Select(r => r.Category).DistinctBy(c => c.Name).Take(MaxReplies).ToList();
        var replies = categories.Select(c => new Reply { Text = content.Text(c.ReplyKey, args) }).ToList();
        return new SafetyAlert(matched[0].Id, [.. categories.Select(c => c.Name)], replies);
    }

    private static Dictionary<string, string?> Args(ClinicOptions clinic) => new()
    {
        ["emergencyNumber"] = clinic.EmergencyNumber,
        ["crisisLine"] = clinic.CrisisLine,
        ["poisonControl"] = clinic.PoisonControl,
        ["clinicName"] = clinic.Name,
        ["clinicPhone"] = clinic.Phone,
    };
}
