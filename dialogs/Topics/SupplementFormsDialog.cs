using Microsoft.Extensions.Options;

namespace MagBot.Dialogs.Topics;

/// <summary>Supplement forms: oral and intravenous, absorption by salt, glycinate, skin products, and Epsom salt (sulfate, not chloride).</summary>
public sealed class SupplementFormsDialog(IOptions<ClinicOptions> clinic) : InfoTopicDialog(DialogId, clinic)
{
    public const string DialogId = "topic.supplement_forms";

    public override string? TitleKey => "topic.forms.title";

    public override IReadOnlyList<string> FactKeys { get; } = ["forms.oral", "forms.iv", "forms.absorption", "forms.glycinate", "forms.topical", "forms.epsom"];

    public override IReadOnlyList<string> FollowUpKeys { get; } = ["menu.amounts", "menu.side_effects", "menu.foods"];
}
