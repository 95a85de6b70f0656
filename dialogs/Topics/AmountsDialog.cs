using System.Globalization;
using MagBot.Dialogs.Engine;
using MagBot.Dialogs.Knowledge;
using MagBot.Dialogs.Replies;
using MagBot.Dialogs.Understanding;

namespace MagBot.Dialogs.Topics;

/// <summary>
/// Daily amounts by age and sex, the upper limit for supplemental magnesium, and (optionally) how a
/// dose the user takes compares with the limit for the age of the person who takes it (65 mg at 1–3, 110 mg at 4–8,
/// 350 mg from 9): the age is taken from the message ("my daughter is 7, is 200 mg too much?") or asked.
/// A dose above the limit is named as such with a pointer to a provider; MagBot never suggests a dose for the person.
/// </summary>
public sealed class AmountsDialog(RdaTable rda, QuantityRecognizer quantities) : WaterfallDialog<AmountsDialog.Values>(DialogId)
{
    public const string DialogId = "topic.amounts";

    private static readonly string[] Facts = ["amounts.rda.intro", "amounts.ul", "amounts.ul.europe", "amounts.migraine.note"];

    /// <summary>The dose and the age, kept until both are known.</summary>
    public sealed class Values
    {
        public double? DoseMg { get; set; }
        public double? AgeYears { get; set; }
    }

    public override string? TitleKey => "topic.amounts.title";

    protected override IReadOnlyList<Step> Steps => [ShowAmountsAsync, AskDoseAsync, AskAgeAsync, CompareDoseAsync];

    private async Task<DialogTurnResult> ShowAmountsAsync(WaterfallStep<Values> step, CancellationToken cancellationToken)
    {
        var dc = step.Context;
        var table = string.Join("\n", rda.Allowances.Select(r => dc.Content.Text("amounts.rda.line", new Dictionary<string, string?>
        {
            ["label"] = r.Label, ["mg"] = r.Milligrams.ToString(CultureInfo.InvariantCulture),
        })));
        await dc.SendAsync(new Reply
        {
            Text = dc.Content.Text("amounts.rda.intro") + "\n\n" + table,
            Citations = TopicReplies.Citations(dc, TopicReplies.SourcesOf(dc, Facts.Take(1)).Append(rda.SourceId)),
            FeedbackKey = "amounts.rda.intro",
        }, cancellationToken).ConfigureAwait(false);
        await TopicReplies.SendFactsAsync(dc, Facts.Skip(1), cancellationToken: cancellationToken).ConfigureAwait(false);
        await dc.SendAsync(new Reply
        {
            Text = TopicReplies.SourceLine(dc, TopicReplies.SourcesOf(dc, Facts).Append(rda.SourceId)),
            ShownOnlyWithoutCitations = true,
        }, cancellationToken).ConfigureAwait(false);

        // "I take 2000 mg" started this topic: answer about that dose without asking for it again.
        var said = step.Options<TopicStartOptions>()?.Text;
        step.Values.AgeYears = StatedAge.In(said);
        if (said is not null && StatedDose(said) is { } dose)
            return await step.NextAsync(new PromptResult<double>(true, dose), cancellationToken).ConfigureAwait(false);

        return await step.PromptAsync(PromptIds.Confirm, new PromptOptions
        {
            PromptKey = "amounts.dose.offer",
            RetryKey = "amounts.dose.offer.retry",
            Choices = TopicReplies.YesNo,
        }, cancellationToken).ConfigureAwait(false);
    }

    private async Task<DialogTurnResult> AskDoseAsync(WaterfallStep<Values> step, CancellationToken cancellationToken)
    {
        if (step.Result is PromptResult<double> stated)
            return await step.NextAsync(stated, cancellationToken).ConfigureAwait(false);
        if (step.Result is not PromptResult<bool> { Succeeded: true, Value: true })
            return await CloseAsync(step, [], cancellationToken).ConfigureAwait(false);
        return await step.PromptAsync(PromptIds.Dose, new PromptOptions
        {
            PromptKey = "amounts.dose.ask",
            RetryKey = "amounts.dose.retry",
            Min = 1,
            Max = 1_000_000,
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The limit depends on age: ask for it unless the message that started the topic gave it.</summary>
    private async Task<DialogTurnResult> AskAgeAsync(WaterfallStep<Values> step, CancellationToken cancellationToken)
    {
        if (step.Result is not PromptResult<double> { Succeeded: true } dose)
            return await CloseAsync(step, [], cancellationToken).ConfigureAwait(false);
        step.Values.DoseMg = dose.Value;
        if (step.Values.AgeYears is not null)
            return await step.NextAsync(null, cancellationToken).ConfigureAwait(false);
        return await step.PromptAsync(PromptIds.Age, new PromptOptions
        {
            PromptKey = "amounts.age.ask",
            RetryKey = "amounts.age.retry",
            Min = 1,
            Max = 120,
        }, cancellationToken).ConfigureAwait(false);
    }

    private async Task<DialogTurnResult> CompareDoseAsync(WaterfallStep<Values> step, CancellationToken cancellationToken)
    {
        if (step.Result is PromptResult<double> { Succeeded: true } age) step.Values.AgeYears = Math.Floor(age.Value);
        if (step.Values.DoseMg is not { } dose)
            return await CloseAsync(step, [], cancellationToken).ConfigureAwait(false);
        var dc = step.Context;
        // An age not given (the prompt gave up) is compared with the limit from age 9, and the reply says so.
        var limit = step.Values.AgeYears is { } years ? rda.UpperLimitFor(years) ?? rda.AdultUpperLimit : rda.AdultUpperLimit;
        var byAge = step.Values.AgeYears is not null;
        var key = dose > limit
            ? byAge ? "amounts.dose.above.age" : "amounts.dose.above"
            : byAge ? "amounts.dose.within.age" : "amounts.dose.within";
        await dc.SendTextAsync(key, new Dictionary<string, string?>
        {
            ["dose"] = dose.ToString("#,0.##", CultureInfo.InvariantCulture),
            ["limit"] = limit.ToString(CultureInfo.InvariantCulture),
            ["age"] = step.Values.AgeYears?.ToString("0", CultureInfo.InvariantCulture),
        }, cancellationToken).ConfigureAwait(false);
        await dc.SendTextAsync("amounts.not.prescription", cancellationToken: cancellationToken).ConfigureAwait(false);
        return await CloseAsync(step, TopicReplies.SourcesOf(dc, [key]), cancellationToken).ConfigureAwait(false);
    }

    private static async Task<DialogTurnResult> CloseAsync(WaterfallStep<Values> step, IEnumerable<string> sourceIds, CancellationToken cancellationToken)
    {
        string[] followUps = ["menu.provider", "menu.side_effects", "menu.foods"];
        await TopicReplies.SendClosingAsync(step.Context, sourceIds, followUps, cancellationToken).ConfigureAwait(false);
        return await step.EndAsync(null, cancellationToken).ConfigureAwait(false);
    }

    // Only a dose with a unit counts here: "how much magnesium for 2 kids" must not read as 2 mg.
    private double? StatedDose(string text) =>
        quantities.DoseMilligrams(text) is { } mg && HasUnit(text) ? mg : null;

    private static bool HasUnit(string text) =>
        TextNormalizer.Words(text).Any(w => w is "mg" or "milligram" or "milligrams" or "g" or "gram" or "grams" or "mcg"
            || (w.EndsWith("mg", StringComparison.Ordinal) && char.IsDigit(w[0])));

    /// <summary>The shape of <c>TopicStart</c> as stored in waterfall options (read back from JSON).</summary>
    private sealed record TopicStartOptions(string Text);
}
