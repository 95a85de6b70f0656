using Newtonsoft.Json;
using System.Globalization;
using MagBot.Dialogs.Bot;
using MagBot.Dialogs.Engine;
using MagBot.Dialogs.Knowledge;
using MagBot.Dialogs.Replies;
using MagBot.Dialogs.Understanding;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Options;

namespace MagBot.Dialogs.Topics;

/// <summary>
/// The medication check, a waterfall: it asks for medicines and supplements in free text, confirms each with its class,
/// asks about every name it cannot read (it never treats an unknown medicine as harmless), lets the person add more,
/// asks about the conditions that call for a provider, then gives the result per medicine and ends with the
/// recommendation to see a provider and a summary card. It never calls a combination "safe".
/// A question asked again ("anything else?" after more medicines, a second unknown name, a medicine remembered at the
/// conditions question) is a new round of the same waterfall, begun in its place with what the check has so far.
/// </summary>
public sealed class InteractionScreeningDialog(MedicationRecognizer recognizer, MedicationLexicon lexicon, RdaTable rda, IOptions<ClinicOptions> clinic)
    : WaterfallDialog<InteractionScreeningDialog.Values>(DialogId)
{
    public const string DialogId = "topic.screening";

    /// <summary>The check's prompts, one per question.</summary>
    public const string ListPromptId = "screening.prompt.list";
    public const string MorePromptId = "screening.prompt.more";
    public const string UnknownPromptId = "screening.prompt.unknown";
    public const string ConditionsPromptId = "screening.prompt.conditions";

    /// <summary>How many answers to the list question it cannot use before the check moves on (noting what is missing).</summary>
    private const int ListAttempts = 3;

    /// <summary>How many answers to an unknown name or the conditions question before the check moves on.</summary>
    private const int OtherAttempts = 2;

    /// <summary>One medicine as the check keeps it between turns: its canonical name, whose class the lexicon gives
    /// again (<see cref="MedicationLexicon.ClassOf"/>), and what the person said of the dose. Values left unsaid are
    /// not written, so a check with fifteen medicines stays within a conversation's 1 KB of state.</summary>
    public sealed class Medicine
    {
        public string Canonical { get; set; } = string.Empty;
        [JsonProperty(NullValueHandling = NullValueHandling.Ignore)]
        public double? DoseMg { get; set; }
        /// <summary>How many units the dose is taken as ("2 x 250 mg"); the dose is then per unit.</summary>
        [JsonProperty(NullValueHandling = NullValueHandling.Ignore)]
        public int? Count { get; set; }
        [JsonProperty(NullValueHandling = NullValueHandling.Ignore)]
        public string? MagnesiumForm { get; set; }
        /// <summary>The dose is the elemental magnesium per unit on the product's label, not an amount the person said.</summary>
        [JsonProperty(DefaultValueHandling = DefaultValueHandling.Ignore)]
        public bool FromLabel { get; set; }
    }

    /// <summary>What the check has gathered, kept from round to round. Empty lists, false and null are not written
    /// (Newtonsoft's ShouldSerialize… convention and default-value handling): read back, they are the defaults.</summary>
    public sealed class Values
    {
        public List<Medicine> Medicines { get; set; } = [];
        public List<string> PendingUnknown { get; set; } = [];
        public List<string> Unchecked { get; set; } = [];
        public List<string> ConditionIds { get; set; } = [];
        [JsonProperty(DefaultValueHandling = DefaultValueHandling.Ignore)]
        public bool ConditionsUnsure { get; set; }
        [JsonProperty(DefaultValueHandling = DefaultValueHandling.Ignore)]
        public bool SaidNoMedicines { get; set; }
        [JsonProperty(NullValueHandling = NullValueHandling.Ignore)]
        public double? AgeYears { get; set; }
        /// <summary>The list of medicines is finished: the next question is about conditions.</summary>
        [JsonProperty(DefaultValueHandling = DefaultValueHandling.Ignore)]
        public bool ListDone { get; set; }

        public bool ShouldSerializeMedicines() => Medicines.Count > 0;
        public bool ShouldSerializePendingUnknown() => PendingUnknown.Count > 0;
        public bool ShouldSerializeUnchecked() => Unchecked.Count > 0;
        public bool ShouldSerializeConditionIds() => ConditionIds.Count > 0;
    }

    /// <summary>Where a round of the check starts.</summary>
    public enum Round
    {
        List,
        More,
        Unknown,
        Conditions,
    }

    /// <summary>What the check is begun with: the message that started it (a <see cref="TopicStart"/> has the same shape),
    /// or, for a later round, what it has so far and where the round starts.</summary>
    public sealed class Start
    {
        public string? Text { get; set; }
        public Values? Carried { get; set; }
        public Round Round { get; set; }
    }

    public override string? TitleKey => "dialog.screening.title";

    protected override IReadOnlyList<Step> Steps => [AskMedicinesAsync, TakeMedicinesAsync, AskUnknownNameAsync, TakeUnknownNameAsync, AskConditionsAsync, FinishAsync];

    /// <summary>The first round says what the check is and reads the message that started it ("I take amlodipine, can I
    /// take magnesium?" already names a medicine); a later round asks its question.</summary>
    private async Task<DialogTurnResult> AskMedicinesAsync(WaterfallStep<Values> step, CancellationToken cancellationToken)
    {
        var dc = step.Context;
        var start = step.Options<Start>() ?? new Start();
        if (start.Carried is { } carried)
        {
            Restore(step.Values, carried);
            return start.Round switch
            {
                Round.List or Round.More => await PromptMedicinesAsync(step, start.Round, cancellationToken).ConfigureAwait(false),
                Round.Conditions => await SkipToConditionsAsync(step, cancellationToken).ConfigureAwait(false),
                _ => await step.NextAsync(null, cancellationToken).ConfigureAwait(false),
            };
        }
        await dc.SendTextAsync("screening.intro", cancellationToken: cancellationToken).ConfigureAwait(false);
        Note(step.Values, start.Text);
        // The starting message is a question, not an answer to the check: plain "magnesium" in it is not a product taken.
        var named = recognizer.Recognize(start.Text);
        if (named.Found.Count > 0)
            return await step.NextAsync(new PromptResult<MedicationAnswer>(true, new MedicationAnswer(MedicationQuestion.List, named, null, false)), cancellationToken).ConfigureAwait(false);
        return await PromptMedicinesAsync(step, Round.List, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Adds the medicines named and confirms each; "yes" to "anything else?" asks for the list again; none,
    /// "no more" or an answer never given ends the list.</summary>
    private async Task<DialogTurnResult> TakeMedicinesAsync(WaterfallStep<Values> step, CancellationToken cancellationToken)
    {
        var values = step.Values;
        if (step.Result is not PromptResult<MedicationAnswer> result) return await step.NextAsync(null, cancellationToken).ConfigureAwait(false);
        Note(values, step.Context.Text);
        if (!result.Succeeded || result.Value is not { } answer)
        {
            values.ListDone = true; // the prompt has said that the check goes on without the list
            return await step.NextAsync(null, cancellationToken).ConfigureAwait(false);
        }
        var r = answer.Medicines;
        if (r.Found.Count > 0 || r.Unknown.Count > 0 && answer.Yes is null)
        {
            await TakeAsync(step.Context, values, r, cancellationToken).ConfigureAwait(false);
            return await step.NextAsync(null, cancellationToken).ConfigureAwait(false);
        }
        if (answer.Question == MedicationQuestion.More && answer.Yes == true)
            return await NextRoundAsync(step, Round.List, cancellationToken).ConfigureAwait(false);
        if (answer.Question == MedicationQuestion.List) values.SaidNoMedicines = values.Medicines.Count == 0;
        values.ListDone = true;
        return await step.NextAsync(null, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Asks about the first name not read, if any.</summary>
    private async Task<DialogTurnResult> AskUnknownNameAsync(WaterfallStep<Values> step, CancellationToken cancellationToken)
    {
        if (step.Values.PendingUnknown.Count == 0) return await step.NextAsync(null, cancellationToken).ConfigureAwait(false);
        return await step.PromptAsync(UnknownPromptId, new PromptOptions
        {
            PromptKey = "screening.unknown",
            RetryKey = "screening.unknown.retry",
            Args = Name(step.Values.PendingUnknown[0]),
            ButtonKeys = ["screening.button.skip"],
            GiveUpKey = null, // the next step says the name is kept as not checked
            MaxAttempts = OtherAttempts,
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A corrected spelling is taken as the medicine; a skip, or a name still not read, keeps it as "not checked",
    /// never as harmless. Then the next unknown name, "anything else?", or the conditions.</summary>
    private async Task<DialogTurnResult> TakeUnknownNameAsync(WaterfallStep<Values> step, CancellationToken cancellationToken)
    {
        var dc = step.Context;
        var values = step.Values;
        if (step.Result is PromptResult<MedicationAnswer> result)
        {
            Note(values, dc.Text);
            var current = values.PendingUnknown[0];
            values.PendingUnknown.RemoveAt(0);
            if (result is { Succeeded: true, Value.NamesMedicines: true })
            {
                await TakeAsync(dc, values, result.Value.Medicines, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                if (!values.Unchecked.Contains(current)) values.Unchecked.Add(current);
                await dc.SendTextAsync("screening.unknown.kept", Name(current), cancellationToken).ConfigureAwait(false);
            }
            if (values.PendingUnknown.Count > 0) return await NextRoundAsync(step, Round.Unknown, cancellationToken).ConfigureAwait(false);
        }
        if (!values.ListDone) return await NextRoundAsync(step, Round.More, cancellationToken).ConfigureAwait(false);
        return await step.NextAsync(null, cancellationToken).ConfigureAwait(false);
    }

    private async Task<DialogTurnResult> AskConditionsAsync(WaterfallStep<Values> step, CancellationToken cancellationToken)
    {
        return await step.PromptAsync(ConditionsPromptId, new PromptOptions
        {
            PromptKey = "screening.conditions.ask",
            RetryKey = "screening.conditions.retry",
            ButtonKeys = ["screening.button.noconditions"],
            GiveUpKey = "screening.conditions.unsure",
            MaxAttempts = OtherAttempts,
        }, cancellationToken).ConfigureAwait(false);
    }

    private Task<DialogTurnResult> PromptMedicinesAsync(WaterfallStep<Values> step, Round round, CancellationToken cancellationToken)
    {
        if (round == Round.More)
        {
            return step.PromptAsync(MorePromptId, new PromptOptions
            {
                PromptKey = "screening.more",
                ButtonKeys = ["screening.button.nomore"],
            }, cancellationToken);
        }
        return step.PromptAsync(ListPromptId, new PromptOptions
        {
            PromptKey = "screening.ask",
            RetryKey = "screening.ask.retry",
            ButtonKeys = ["screening.button.none"],
            GiveUpKey = "screening.ask.giveup",
            MaxAttempts = ListAttempts,
        }, cancellationToken);
    }

    private static Task<DialogTurnResult> SkipToConditionsAsync(WaterfallStep<Values> step, CancellationToken cancellationToken)
    {
        step.Values.ListDone = true;
        return step.NextAsync(null, cancellationToken);
    }

    /// <summary>Begins the check again in its own place, from <paramref name="round"/>, with what it has so far.</summary>
    private static Task<DialogTurnResult> NextRoundAsync(WaterfallStep<Values> step, Round round, CancellationToken cancellationToken)
    {
        step.Values.ListDone = round == Round.Conditions;
        return step.Context.ReplaceDialogAsync(DialogId, new Start { Carried = step.Values, Round = round }, cancellationToken);
    }

    private static void Restore(Values into, Values from)
    {
        into.Medicines = from.Medicines;
        into.PendingUnknown = from.PendingUnknown;
        into.Unchecked = from.Unchecked;
        into.ConditionIds = from.ConditionIds;
        into.ConditionsUnsure = from.ConditionsUnsure;
        into.SaidNoMedicines = from.SaidNoMedicines;
        into.AgeYears = from.AgeYears;
        into.ListDone = from.ListDone;
    }

    /// <summary>A condition mentioned at any point ("lasix, and I'm pregnant") is kept for the result; so is an age.</summary>
    private void Note(Values values, string? text)
    {
        foreach (var c in recognizer.RecognizeConditions(text).Where(c => !values.ConditionIds.Contains(c.Id)))
            values.ConditionIds.Add(c.Id);
        values.AgeYears ??= StatedAge.In(text);
    }

    /// <summary>Adds what was recognised, confirms each new medicine with its class, and queues the names not read.</summary>
    private async Task TakeAsync(DialogContext dc, Values values, MedicationRecognition r, CancellationToken cancellationToken)
    {
        var added = new List<MedicationMention>();
        foreach (var m in r.Found)
        {
            if (values.Medicines.Any(x => x.Canonical == m.Canonical)) continue;
            // "Slow-Mag 2 tabs": with no amount said, a product's label amount per unit is counted.
            var fromLabel = m.DoseMg is null && m.LabelMgPerUnit is not null;
            values.Medicines.Add(new Medicine
            {
                Canonical = m.Canonical, DoseMg = m.DoseMg ?? m.LabelMgPerUnit, Count = m.Count, MagnesiumForm = m.OwnMagnesiumForm, FromLabel = fromLabel,
            });
            added.Add(m);
        }
        if (added.Count > 0)
        {
            values.SaidNoMedicines = false;
            var lines = new List<string> { dc.Content.Text("screening.understood") };
            lines.AddRange(added.Select(m => Understood(dc.Content, m)));
            await dc.SendAsync(new Reply { Text = string.Join("\n\n", lines) }, cancellationToken).ConfigureAwait(false);
        }
        foreach (var u in r.Unknown.Where(u => !values.PendingUnknown.Contains(u) && !values.Unchecked.Contains(u)))
            values.PendingUnknown.Add(u);
    }

    /// <summary>The result per medicine and condition, the recommendation to see a provider, and the summary card.</summary>
    private async Task<DialogTurnResult> FinishAsync(WaterfallStep<Values> step, CancellationToken cancellationToken)
    {
        var dc = step.Context;
        var state = step.Values;
        if (step.Result is PromptResult<ConditionsAnswer> answer)
        {
            Note(state, dc.Text);
            // A medicine remembered late ("oh, and lasix") is never dropped: it is added, and the questions go on from there.
            if (answer is { Succeeded: true, Value.LateMedicines.Found.Count: > 0 })
            {
                await TakeAsync(dc, state, answer.Value.LateMedicines, cancellationToken).ConfigureAwait(false);
                return await NextRoundAsync(step, Round.Unknown, cancellationToken).ConfigureAwait(false);
            }
            state.ConditionsUnsure = !answer.Succeeded;
        }
        var content = dc.Content;
        // A medicine the lexicon no longer names (content changed while the check was open) is reported as not
        // checked, never as harmless.
        var known = state.Medicines.Select(m => (m.Canonical, Class: lexicon.ClassOf(m.Canonical), m.DoseMg)).ToList();
        var report = new ScreeningReport(
            [.. known.Where(m => m.Class is not null).Select(m => (m.Canonical, m.Class!, m.DoseMg))],
            [.. state.Unchecked, .. known.Where(m => m.Class is null).Select(m => m.Canonical)],
            [.. state.ConditionIds.Select(lexicon.Condition)],
            state.ConditionsUnsure,
            state.SaidNoMedicines);

        if (report.Medicines.Count > 0)
        {
            await dc.SendTextAsync("screening.result.header", cancellationToken: cancellationToken).ConfigureAwait(false);
            foreach (var c in report.Interactions)
                await dc.SendAsync(Sourced(dc, ClassResult(content, c, report), c.Sources) with { FeedbackKey = "screening.result.item" }, cancellationToken).ConfigureAwait(false);
            // Known medicines with no interaction in the sources are named as such, never as safe.
            foreach (var c in report.NoKnownInteraction)
                await dc.SendAsync(Sourced(dc, ClassResult(content, c, report, "screening.result.none"), c.Sources) with { FeedbackKey = "screening.result.none" }, cancellationToken).ConfigureAwait(false);
        }
        var own = OwnMagnesium(state).Lines(content, rda);
        if (own.Count > 0)
            await dc.SendAsync(new Reply { Text = string.Join("\n\n", own) }, cancellationToken).ConfigureAwait(false);
        foreach (var name in report.Unchecked)
            await dc.SendTextAsync("screening.result.unknown", Name(name), cancellationToken).ConfigureAwait(false);
        if (report.Medicines.Count == 0 && report.Unchecked.Count == 0)
            await dc.SendTextAsync(report.SaidNoMedicines ? "screening.result.nomedicines" : "screening.result.nothing", cancellationToken: cancellationToken).ConfigureAwait(false);

        if (report.Conditions.Count > 0)
        {
            var sourced = report.Conditions.Select(c => (Text: content.Text("screening.result.condition", new Dictionary<string, string?>
            {
                ["name"] = TextCase.Capitalize(c.Name),
                ["advice"] = c.Advice,
            }), c.Sources)).ToList();
            var intro = content.Text("screening.result.conditions");
            await dc.SendAsync(new Reply
            {
                Text = string.Join("\n\n", sourced.Select(x => x.Text + "\n\n" + SourceLine(content, x.Sources)).Prepend(intro)),
                TextWhereCited = string.Join("\n\n", sourced.Select(x => x.Text).Prepend(intro)),
                Citations = TopicReplies.Citations(dc, sourced.SelectMany(x => x.Sources)),
                FeedbackKey = "screening.result.condition",
            }, cancellationToken).ConfigureAwait(false);
        }

        await dc.SendAsync(new Reply
        {
            Text = string.Join("\n\n", content.Text("provider.recommend"), ProviderReferral.ContactText(content, clinic.Value)),
        }, cancellationToken).ConfigureAwait(false);
        await dc.SendAsync(new Reply
        {
            Text = content.Text("screening.summary.intro"),
            Card = ScreeningSummaryCard.Build(report, content, clinic.Value),
        }, cancellationToken).ConfigureAwait(false);
        await dc.SendTextAsync("welcome.disclaimer", clinic.Value.Placeholders(), cancellationToken).ConfigureAwait(false);
        return await dc.EndDialogAsync(report, cancellationToken).ConfigureAwait(false);
    }

    private OwnMagnesiumTotal OwnMagnesium(Values state) => new(
        [.. state.Medicines.Where(m => m.MagnesiumForm is not null)
            .Select(m => (m.Canonical, m.DoseMg, m.Count, !m.FromLabel && lexicon.Names.Any(n => n.Canonical == m.Canonical && n.SaltLabel), m.FromLabel))],
        state.AgeYears,
        state.ConditionIds.Contains("child"));

    private static string ClassResult(ContentCatalog content, DrugClass c, ScreeningReport report, string key = "screening.result.item") =>
        content.Text(key, new Dictionary<string, string?>
        {
            ["name"] = string.Join(", ", report.Medicines.Where(m => m.Class.Id == c.Id).Select(m => m.Name)),
            ["className"] = c.Name,
            ["article"] = Article(content, c.Name),
            ["severity"] = content.Text(SeverityKey(c.Severity)),
            ["effect"] = c.Effect,
            ["advice"] = c.Advice,
        });

    /// <summary>A result with its "Source:" line, or with its sources as citations where the channel shows them.</summary>
    private static Reply Sourced(DialogContext dc, string text, IReadOnlyList<string> sourceIds) => new()
    {
        Text = text + "\n\n" + SourceLine(dc.Content, sourceIds),
        TextWhereCited = text,
        Citations = TopicReplies.Citations(dc, sourceIds),
    };

    private static string SourceLine(ContentCatalog content, IReadOnlyList<string> sourceIds) =>
        content.Text("screening.result.source", new Dictionary<string, string?> { ["source"] = SourceText(content, sourceIds) });

    private string Understood(ContentCatalog content, MedicationMention m)
    {
        var cls = lexicon.Class(m.ClassId);
        var isLay = lexicon.IsLayTerm(cls.Id, m.Canonical);
        var dose = m.DoseMg is { } d
            ? " " + content.Text("screening.understood.dose", new Dictionary<string, string?> { ["dose"] = (m.Count is > 1 and var n ? $"{n} × " : "") + d.ToString("0.###", CultureInfo.InvariantCulture) })
            : string.Empty;
        return content.Text(isLay ? "screening.understood.lay" : "screening.understood.item", new Dictionary<string, string?>
        {
            ["name"] = m.Canonical,
            ["dose"] = dose,
            ["className"] = cls.Name,
            ["article"] = Article(content, cls.Name),
        });
    }

    internal static string SeverityKey(InteractionSeverity severity) => severity switch
    {
        InteractionSeverity.High => "severity.high",
        InteractionSeverity.Moderate => "severity.moderate",
        _ => "severity.low",
    };

    private static string Article(ContentCatalog content, string noun) =>
        content.Text("aeiou".Contains(noun[0], StringComparison.OrdinalIgnoreCase) ? "article.vowel" : "article.consonant");

    private static string SourceText(ContentCatalog content, IReadOnlyList<string> sourceIds) =>
        string.Join("; ", sourceIds.Select(content.Source).Select(s => $"{s.Publisher}, \"{s.Title}\""));

    /// <summary>Text typed by the person is escaped before it is echoed back.</summary>
    private static Dictionary<string, string?> Name(string typed) => new() { ["name"] = Markdown.Escape(typed) };
}
