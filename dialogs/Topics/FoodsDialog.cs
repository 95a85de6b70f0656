using System.Globalization;
using MagBot.Dialogs.Engine;
using MagBot.Dialogs.Knowledge;
using MagBot.Dialogs.Replies;

namespace MagBot.Dialogs.Topics;

/// <summary>
/// Foods rich in magnesium with mg per serving, then, if the user wants it, each food's share of their
/// recommended daily amount from their age and sex (or pregnancy / breastfeeding).
/// </summary>
public sealed class FoodsDialog(FoodCatalog foods, RdaTable rda) : WaterfallDialog<FoodsDialog.Values>(DialogId)
{
    public const string DialogId = "topic.foods";

    private static readonly string[] IntroFacts = ["foods.intro"];
    private static readonly string[] FollowUps = ["menu.amounts", "menu.forms", "menu.side_effects"];

    /// <summary>What the flow has learned so far.</summary>
    public sealed class Values
    {
        public double? Age { get; set; }
    }

    public override string? TitleKey => "topic.foods.title";

    protected override IReadOnlyList<Step> Steps => [ShowFoodsAsync, AskAgeAsync, AskGroupAsync, ShowSharesAsync];

    private async Task<DialogTurnResult> ShowFoodsAsync(WaterfallStep<Values> step, CancellationToken cancellationToken)
    {
        var dc = step.Context;
        var lines = foods.Foods.Select(f => dc.Content.Text("foods.line", new Dictionary<string, string?>
        {
            ["name"] = f.Name, ["serving"] = f.Serving, ["mg"] = Mg(f.Milligrams),
        }));
        var sources = TopicReplies.SourcesOf(dc, IntroFacts).Concat(foods.Foods.Select(f => f.SourceId));
        var list = string.Join("\n\n", dc.Content.Text("foods.intro"), string.Join("\n", lines));
        await dc.SendAsync(new Reply
        {
            Text = string.Join("\n\n", list, TopicReplies.SourceLine(dc, sources)),
            TextWhereCited = list,
            Citations = TopicReplies.Citations(dc, sources),
            FeedbackKey = "foods.intro",
        }, cancellationToken).ConfigureAwait(false);
        return await step.PromptAsync(PromptIds.Confirm, new PromptOptions
        {
            PromptKey = "foods.share.ask",
            RetryKey = "foods.share.retry",
            Choices = TopicReplies.YesNo,
        }, cancellationToken).ConfigureAwait(false);
    }

    private async Task<DialogTurnResult> AskAgeAsync(WaterfallStep<Values> step, CancellationToken cancellationToken)
    {
        if (step.Result is not PromptResult<bool> { Succeeded: true, Value: true })
            return await CloseAsync(step, [], cancellationToken).ConfigureAwait(false);
        return await step.PromptAsync(PromptIds.Age, new PromptOptions
        {
            PromptKey = "foods.age.ask",
            RetryKey = "foods.age.retry",
            Min = 1,
            Max = 120,
        }, cancellationToken).ConfigureAwait(false);
    }

    private async Task<DialogTurnResult> AskGroupAsync(WaterfallStep<Values> step, CancellationToken cancellationToken)
    {
        if (step.Result is not PromptResult<double> { Succeeded: true } age)
            return await CloseAsync(step, [], cancellationToken).ConfigureAwait(false);
        step.Values.Age = Math.Floor(age.Value);
        return await step.PromptAsync(PromptIds.Choice, new PromptOptions
        {
            PromptKey = "foods.sex.ask",
            RetryKey = "foods.sex.retry",
            Choices = GroupChoices,
        }, cancellationToken).ConfigureAwait(false);
    }

    private async Task<DialogTurnResult> ShowSharesAsync(WaterfallStep<Values> step, CancellationToken cancellationToken)
    {
        if (step.Result is not PromptResult<Choice> { Succeeded: true, Value: { } group } || step.Values.Age is not { } age
            || rda.AllowanceFor(age, group.Value) is not { } allowance)
            return await CloseAsync(step, [], cancellationToken).ConfigureAwait(false);

        var dc = step.Context;
        var groupKey = age < RdaGroups.SeparateFromAge && group.Value is not (RdaGroups.Pregnant or RdaGroups.Breastfeeding)
            ? "group.children" : GroupKey(group.Value);
        var header = dc.Content.Text("foods.share.header", new Dictionary<string, string?>
        {
            ["age"] = age.ToString("0", CultureInfo.InvariantCulture),
            ["group"] = dc.Content.Text(groupKey),
            ["rda"] = Span(allowance.Low, allowance.High),
        });
        var lines = foods.Foods.Select(f => dc.Content.Text("foods.share.line", new Dictionary<string, string?>
        {
            ["name"] = f.Name, ["serving"] = f.Serving, ["mg"] = Mg(f.Milligrams),
            ["percent"] = Span(Percent(f.Milligrams, allowance.High), Percent(f.Milligrams, allowance.Low)),
        }));
        await dc.SendAsync(new Reply { Text = header + "\n\n" + string.Join("\n", lines) }, cancellationToken).ConfigureAwait(false);
        return await CloseAsync(step, [rda.SourceId], cancellationToken).ConfigureAwait(false);
    }

    private static async Task<DialogTurnResult> CloseAsync(WaterfallStep<Values> step, IEnumerable<string> sourceIds, CancellationToken cancellationToken)
    {
        await TopicReplies.SendClosingAsync(step.Context, sourceIds, FollowUps, cancellationToken).ConfigureAwait(false);
        return await step.EndAsync(null, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The "which applies to you" choices; titles and typed synonyms come from content ("group.*", "sex.*").</summary>
    private static readonly IReadOnlyList<ChoiceKey> GroupChoices =
    [
        .. new[] { RdaGroups.Female, RdaGroups.Male, RdaGroups.Pregnant, RdaGroups.Breastfeeding, RdaGroups.Unspecified }
            .Select(g => new ChoiceKey(g, Keys(g).Title, Keys(g).Synonyms)),
    ];

    // Keys written out in full, so the content cross-check finds each one as a literal.
    private static (string Title, string Synonyms) Keys(string group) => group switch
    {
        RdaGroups.Female => ("sex.female", "sex.female.synonyms"),
        RdaGroups.Male => ("sex.male", "sex.male.synonyms"),
        RdaGroups.Pregnant => ("sex.pregnant", "sex.pregnant.synonyms"),
        RdaGroups.Breastfeeding => ("sex.breastfeeding", "sex.breastfeeding.synonyms"),
        _ => ("sex.unspecified", "sex.unspecified.synonyms"),
    };

    private static string GroupKey(string group) => group switch
    {
        RdaGroups.Female => "group.female",
        RdaGroups.Male => "group.male",
        RdaGroups.Pregnant => "group.pregnant",
        RdaGroups.Breastfeeding => "group.breastfeeding",
        _ => "group.unspecified",
    };

    private static int Percent(double mg, int of) => (int)Math.Round(mg * 100 / of, MidpointRounding.AwayFromZero);

    private static string Span(int low, int high) =>
        low == high ? low.ToString(CultureInfo.InvariantCulture) : $"{low.ToString(CultureInfo.InvariantCulture)}–{high.ToString(CultureInfo.InvariantCulture)}";

    private static string Mg(double mg) => mg.ToString("0.#", CultureInfo.InvariantCulture);
}
