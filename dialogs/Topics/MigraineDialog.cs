using Microsoft.Extensions.Options;

namespace MagBot.Dialogs.Topics;

/// <summary>Magnesium and migraine: its roles, the link with low magnesium, the guideline rating, trial doses and the usual side effect.</summary>
public sealed class MigraineDialog(IOptions<ClinicOptions> clinic) : InfoTopicDialog(DialogId, clinic)
{
    public const string DialogId = "topic.migraine";

    public override string? TitleKey => "topic.migraine.title";

    public override IReadOnlyList<string> FactKeys { get; } = ["migraine.roles", "migraine.low.levels", "migraine.guideline", "migraine.guideline.meaning", "migraine.doses"];

    public override IReadOnlyList<string> FollowUpKeys { get; } = ["menu.amounts", "menu.forms", "menu.side_effects"];
}
