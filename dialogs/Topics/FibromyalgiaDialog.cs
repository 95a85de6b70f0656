using Microsoft.Extensions.Options;

namespace MagBot.Dialogs.Topics;

/// <summary>Magnesium and fibromyalgia: the 2022 randomized trial, what it does and does not show, and the 2021 review.</summary>
public sealed class FibromyalgiaDialog(IOptions<ClinicOptions> clinic) : InfoTopicDialog(DialogId, clinic)
{
    public const string DialogId = "topic.fibromyalgia";

    public override string? TitleKey => "topic.fibromyalgia.title";

    public override IReadOnlyList<string> FactKeys { get; } = ["fibromyalgia.trial", "fibromyalgia.results", "fibromyalgia.results.pain", "fibromyalgia.low.levels", "fibromyalgia.meaning"];

    public override IReadOnlyList<string> FollowUpKeys { get; } = ["menu.mechanism", "menu.foods", "menu.side_effects"];
}
