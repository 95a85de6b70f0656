using Microsoft.Extensions.Options;

namespace MagBot.Dialogs.Topics;

/// <summary>How magnesium is thought to act on pain: NMDA receptors and central sensitization, nerves and muscles, where it is stored.</summary>
public sealed class MechanismDialog(IOptions<ClinicOptions> clinic) : InfoTopicDialog(DialogId, clinic)
{
    public const string DialogId = "topic.mechanism";

    public override string? TitleKey => "topic.mechanism.title";

    public override IReadOnlyList<string> FactKeys { get; } = ["mechanism.nmda", "mechanism.muscle", "mechanism.bone", "mechanism.adjuvant"];

    public override IReadOnlyList<string> FollowUpKeys { get; } = ["menu.fibromyalgia", "menu.migraine", "menu.testing"];
}
