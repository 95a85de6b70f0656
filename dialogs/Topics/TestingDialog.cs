using Microsoft.Extensions.Options;

namespace MagBot.Dialogs.Topics;

/// <summary>Testing: what a serum magnesium test measures and misses, and the other tests.</summary>
public sealed class TestingDialog(IOptions<ClinicOptions> clinic) : InfoTopicDialog(DialogId, clinic)
{
    public const string DialogId = "topic.testing";

    public override string? TitleKey => "topic.testing.title";

    public override IReadOnlyList<string> FactKeys { get; } = ["testing.serum", "testing.normal", "testing.other"];

    public override IReadOnlyList<string> FollowUpKeys { get; } = ["menu.foods", "menu.amounts", "menu.provider"];
}
