using Microsoft.Extensions.Options;

namespace MagBot.Dialogs.Topics;

/// <summary>Tension-type headache: says first that the evidence and the guideline concern migraine, then what is known.</summary>
public sealed class TensionHeadacheDialog(IOptions<ClinicOptions> clinic) : InfoTopicDialog(DialogId, clinic)
{
    public const string DialogId = "topic.tension_headache";

    public override string? TitleKey => "topic.tension.title";

    public override IReadOnlyList<string> FactKeys { get; } = ["migraine.tension.note", "migraine.roles", "migraine.guideline", "migraine.guideline.meaning", "migraine.doses"];

    public override IReadOnlyList<string> FollowUpKeys { get; } = ["menu.migraine", "menu.amounts", "menu.side_effects"];
}
