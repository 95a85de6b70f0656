using Microsoft.Extensions.Options;

namespace MagBot.Dialogs.Topics;

/// <summary>Side effects, signs of too much magnesium, and who should talk to a provider first; leads to the provider.</summary>
public sealed class SideEffectsDialog(IOptions<ClinicOptions> clinic) : InfoTopicDialog(DialogId, clinic)
{
    public const string DialogId = "topic.side_effects";

    public override string? TitleKey => "topic.sideeffects.title";

    public override IReadOnlyList<string> FactKeys { get; } = ["sideeffects.common", "sideeffects.toomuch", "sideeffects.careful"];

    public override IReadOnlyList<string> FollowUpKeys { get; } = ["menu.provider", "menu.medications", "menu.amounts"];
}
