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
/// The medication check: asks for medicines and supplements in free text, confirms each with its class,
/// asks about every name it cannot read (it never treats an unknown medicine as harmless), lets the person
/// add more, asks about the conditions that call for a provider, then gives the result per medicine and
/// ends with the recommendation to see a provider and a summary card. It never calls a combination "safe".
/// </summary>
public sealed class InteractionScreeningDialog(MedicationRecognizer recognizer, MedicationLexicon lexicon, RdaTable rda, IOptions<ClinicOptions> clinic)
    : Dialog(DialogId)
{
    public const string DialogId = "topic.screening";

    /// <summary>How many times a question is asked again before the check moves on (noting what is missing).</summary>
    private const int MaxAttempts = 2;

    internal enum Stage
    {
        Medicines,
        Unknown,
        More,
        Conditions,
    }

    internal sealed class Medicine
    {
        public string Canonical { get; set; } = string.Empty;
        public string ClassId { get; set; } = string.Empty;
        public double? DoseMg { get; set; }
        public string? MagnesiumForm { get; set; }
    }

    internal sealed class State
    {
        public Stage Stage { get; set; }
        public int Attempts { get; set; }
        public List<Medicine> Medicines { get; set; } = [];
        public List<string> PendingUnknown { get; set; } = [];
        public List<string> Unchecked { get; set; } = [];
        public List<string> ConditionIds { get; set; } = [];
        public bool ConditionsUnsure { get; set; }
        public bool SaidNoMedicines { get; set; }
        public double? AgeYears { get; set; }
    }

    public override string? TitleKey => "dialog.screening.title";

    public override async Task<DialogTurnResult> BeginAsync(DialogContext dc, object? options, CancellationToken cancellationToken = default)
    {
        var state = new State { AgeYears = StatedAge.In((options as MedicationCheckStart)?.Text ?? (options as TopicStart)?.Text) };
        dc.SetState(state);
        await dc.SendTextAsync("screening.intro", cancellationToken: cancellationToken).ConfigureAwait(false);
        // "I take amlodipine, can I take magnesium?": the message that started the check may already name medicines.
        var start = options is MedicationCheckStart begun ? begun.Medicines.Recognition : recognizer.RecognizeAnswer((options as TopicStart)?.Text);
        if (start.Found.Count > 0) return await TakeMedicinesAsync(dc, state, start, cancellationToken).ConfigureAwait(false);
        return await AskAsync(dc, state, Stage.Medicines, cancellationToken).ConfigureAwait(false);
    }

    public override async Task<DialogTurnResult> ContinueAsync(DialogContext dc, CancellationToken cancellationToken = default)
    {
        if (dc.Turn.Activity.Type != ActivityTypes.Message) return DialogTurnResult.Waiting;
        var state = dc.GetState<State>();
        // A condition mentioned at any point ("lasix, and I'm pregnant") is kept for the result.
        foreach (var c in recognizer.RecognizeConditions(dc.Text).Where(c => !state.ConditionIds.Contains(c.Id)))
            state.ConditionIds.Add(c.Id);
        state.AgeYears ??= StatedAge.In(dc.Text);
        return state.Stage switch
        {
            Stage.Medicines => await OnMedicinesAsync(dc, state, cancellationToken).ConfigureAwait(false),
            Stage.Unknown => await OnUnknownAsync(dc, state, cancellationToken).ConfigureAwait(false),
            Stage.More => await OnMoreAsync(dc, state, cancellationToken).ConfigureAwait(false),
            _ => await OnConditionsAsync(dc, state, cancellationToken).ConfigureAwait(false),
        };
    }

    public override Task RepromptAsync(DialogContext dc, CancellationToken cancellationToken = default)
    {
        var state = dc.GetState<State>();
        return dc.SendAsync(Question(dc, state, retry: false), cancellationToken);
    }

    /// <summary>While the check waits for the list of medicines, every message is its answer ("Flexeril at bedtime for
    /// my fibro", "magnesium citrate for constipation", "why do you need to know"): only a command (handled before any
    /// dialog) or a topic button leaves it. At its later questions, a message that names medicines, says none, or
    /// answers the question stays; anything else may be a side question, and the check is offered back afterwards.</summary>
    public override bool Accepts(DialogContext dc, string text)
    {
        var state = dc.GetState<State>();
        if (YesNoRecognizer.Recognize(text) is not null || IsButton(dc, text)) return true;
        if (state.Stage == Stage.Medicines) return !IsTopicButton(dc, text);
        if (state.Stage == Stage.Conditions && recognizer.RecognizeConditions(text).Count > 0) return true;
        var r = recognizer.RecognizeAnswer(text);
        return r.Found.Count > 0 || r.SaidNone || state.Stage != Stage.Conditions && r.Unknown.Count > 0;
    }

    private static bool IsTopicButton(DialogContext dc, string text) =>
        TopicCatalog.Buttons.Any(b => string.Equals(text.Trim(), dc.Content.Text(b.TitleKey), StringComparison.OrdinalIgnoreCase));

    private async Task<DialogTurnResult> OnMedicinesAsync(DialogContext dc, State state, CancellationToken cancellationToken)
    {
        var r = recognizer.RecognizeAnswer(dc.Text);
        if (r.Found.Count == 0 && (r.SaidNone || IsButton(dc, dc.Text, "screening.button.none")))
        {
            state.SaidNoMedicines = state.Medicines.Count == 0;
            return await AskAsync(dc, state, Stage.Conditions, cancellationToken).ConfigureAwait(false);
        }
        if (r.Found.Count == 0 && r.Unknown.Count == 0)
        {
            if (++state.Attempts > MaxAttempts)
            {
                await dc.SendTextAsync("screening.ask.giveup", cancellationToken: cancellationToken).ConfigureAwait(false);
                return await AskAsync(dc, state, Stage.Conditions, cancellationToken).ConfigureAwait(false);
            }
            dc.SetState(state);
            await dc.SendAsync(Question(dc, state, retry: true), cancellationToken).ConfigureAwait(false);
            return DialogTurnResult.Waiting;
        }
        return await TakeMedicinesAsync(dc, state, r, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The person was asked about one name MagBot could not read: a corrected spelling, or "skip".</summary>
    private async Task<DialogTurnResult> OnUnknownAsync(DialogContext dc, State state, CancellationToken cancellationToken)
    {
        var current = state.PendingUnknown[0];
        var r = recognizer.RecognizeAnswer(dc.Text);
        if (r.Found.Count > 0)
        {
            state.PendingUnknown.RemoveAt(0);
            return await TakeMedicinesAsync(dc, state, r, cancellationToken).ConfigureAwait(false);
        }
        var skipped = YesNoRecognizer.Recognize(dc.Text) == false || r.SaidNone || IsButton(dc, dc.Text, "screening.button.skip");
        if (skipped || r.Unknown.Count == 0 || ++state.Attempts >= MaxAttempts)
        {
            // Not read after a retry, or skipped: it stays on the list as "not checked", never as harmless.
            var kept = skipped || r.Unknown.Count == 0 ? current : string.Join(' ', r.Unknown);
            state.PendingUnknown.RemoveAt(0);
            AddUnchecked(state, kept);
            await dc.SendTextAsync("screening.unknown.kept", Name(kept), cancellationToken).ConfigureAwait(false);
            return await NextAfterMedicinesAsync(dc, state, cancellationToken).ConfigureAwait(false);
        }
        state.PendingUnknown[0] = string.Join(' ', r.Unknown);
        dc.SetState(state);
        await dc.SendAsync(Question(dc, state, retry: true), cancellationToken).ConfigureAwait(false);
        return DialogTurnResult.Waiting;
    }

    private async Task<DialogTurnResult> OnMoreAsync(DialogContext dc, State state, CancellationToken cancellationToken)
    {
        var r = recognizer.RecognizeAnswer(dc.Text);
        if (r.Found.Count > 0 || r.Unknown.Count > 0 && YesNoRecognizer.Recognize(dc.Text) is null)
            return await TakeMedicinesAsync(dc, state, r, cancellationToken).ConfigureAwait(false);
        if (YesNoRecognizer.Recognize(dc.Text) == true)
            return await AskAsync(dc, state, Stage.Medicines, cancellationToken).ConfigureAwait(false);
        return await AskAsync(dc, state, Stage.Conditions, cancellationToken).ConfigureAwait(false);
    }

    private async Task<DialogTurnResult> OnConditionsAsync(DialogContext dc, State state, CancellationToken cancellationToken)
    {
        // A medicine remembered late ("oh, and lasix") is never dropped: it is added, and the questions go on from there.
        var late = recognizer.RecognizeAnswer(dc.Text);
        if (late.Found.Count > 0) return await TakeMedicinesAsync(dc, state, late, cancellationToken).ConfigureAwait(false);
        if (recognizer.RecognizeConditions(dc.Text).Count > 0)
            return await FinishAsync(dc, state, cancellationToken).ConfigureAwait(false);
        if (SaysNone(dc.Text) || YesNoRecognizer.Recognize(dc.Text) == false || IsButton(dc, dc.Text, "screening.button.noconditions"))
            return await FinishAsync(dc, state, cancellationToken).ConfigureAwait(false);
        if (++state.Attempts >= MaxAttempts)
        {
            state.ConditionsUnsure = true;
            await dc.SendTextAsync("screening.conditions.unsure", cancellationToken: cancellationToken).ConfigureAwait(false);
            return await FinishAsync(dc, state, cancellationToken).ConfigureAwait(false);
        }
        dc.SetState(state);
        await dc.SendAsync(Question(dc, state, retry: true), cancellationToken).ConfigureAwait(false);
        return DialogTurnResult.Waiting;
    }

    /// <summary>Adds what was recognised, confirms each new medicine with its class, then asks about unknown names.</summary>
    private async Task<DialogTurnResult> TakeMedicinesAsync(DialogContext dc, State state, MedicationRecognition r, CancellationToken cancellationToken)
    {
        var added = new List<MedicationMention>();
        foreach (var m in r.Found)
        {
            if (state.Medicines.Any(x => x.Canonical == m.Canonical && x.ClassId == m.ClassId)) continue;
            state.Medicines.Add(new Medicine { Canonical = m.Canonical, ClassId = m.ClassId, DoseMg = m.DoseMg, MagnesiumForm = m.OwnMagnesiumForm });
            added.Add(m);
        }
        if (added.Count > 0)
        {
            state.SaidNoMedicines = false;
            var lines = new List<string> { dc.Content.Text("screening.understood") };
            lines.AddRange(added.Select(m => Understood(dc.Content, m)));
            await dc.SendAsync(new Reply { Text = string.Join("\n\n", lines) }, cancellationToken).ConfigureAwait(false);
        }
        foreach (var u in r.Unknown.Where(u => !state.PendingUnknown.Contains(u) && !state.Unchecked.Contains(u)))
            state.PendingUnknown.Add(u);
        return await NextAfterMedicinesAsync(dc, state, cancellationToken).ConfigureAwait(false);
    }

    private Task<DialogTurnResult> NextAfterMedicinesAsync(DialogContext dc, State state, CancellationToken cancellationToken) =>
        AskAsync(dc, state, state.PendingUnknown.Count > 0 ? Stage.Unknown : Stage.More, cancellationToken);

    private async Task<DialogTurnResult> AskAsync(DialogContext dc, State state, Stage stage, CancellationToken cancellationToken)
    {
        state.Stage = stage;
        state.Attempts = 0;
        dc.SetState(state);
        await dc.SendAsync(Question(dc, state, retry: false), cancellationToken).ConfigureAwait(false);
        return DialogTurnResult.Waiting;
    }

    /// <summary>The question the check is waiting on, with its buttons.</summary>
    private Reply Question(DialogContext dc, State state, bool retry)
    {
        var content = dc.Content;
        return state.Stage switch
        {
            Stage.Medicines => new Reply
            {
                Text = content.Text(retry ? "screening.ask.retry" : "screening.ask"),
                Buttons = [ReplyButton.Same(content.Text("screening.button.none"))],
            },
            Stage.Unknown => new Reply
            {
                Text = content.Text(retry ? "screening.unknown.retry" : "screening.unknown", Name(state.PendingUnknown[0])),
                Buttons = [ReplyButton.Same(content.Text("screening.button.skip"))],
            },
            Stage.More => new Reply
            {
                Text = content.Text("screening.more"),
                Buttons = [ReplyButton.Same(content.Text("screening.button.nomore"))],
            },
            _ => new Reply
            {
                Text = retry
                    ? content.Text("screening.conditions.retry")
                    : string.Join("\n\n", [content.Text("screening.conditions.ask"), .. lexicon.Conditions.Select(c => "• " + c.Name)]),
                Buttons = [.. lexicon.Conditions.Select(c => ReplyButton.Same(Capitalize(c.Name))), ReplyButton.Same(content.Text("screening.button.noconditions"))],
            },
        };
    }

    /// <summary>The result per medicine and condition, the recommendation to see a provider, and the summary card.</summary>
    private async Task<DialogTurnResult> FinishAsync(DialogContext dc, State state, CancellationToken cancellationToken)
    {
        var content = dc.Content;
        var report = new ScreeningReport(
            [.. state.Medicines.Select(m => (m.Canonical, lexicon.Class(m.ClassId), m.DoseMg))],
            state.Unchecked,
            [.. state.ConditionIds.Select(lexicon.Condition)],
            state.ConditionsUnsure,
            state.SaidNoMedicines);

        if (report.Medicines.Count > 0)
        {
            await dc.SendTextAsync("screening.result.header", cancellationToken: cancellationToken).ConfigureAwait(false);
            foreach (var c in report.Interactions)
                await dc.SendAsync(Sourced(dc, ClassResult(content, c, report), c.Sources), cancellationToken).ConfigureAwait(false);
            // Known medicines with no interaction in the sources are named as such, never as safe.
            foreach (var c in report.NoKnownInteraction)
                await dc.SendAsync(Sourced(dc, ClassResult(content, c, report, "screening.result.none"), c.Sources), cancellationToken).ConfigureAwait(false);
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
                ["name"] = Capitalize(c.Name),
                ["advice"] = c.Advice,
            }), c.Sources)).ToList();
            var intro = content.Text("screening.result.conditions");
            await dc.SendAsync(new Reply
            {
                Text = string.Join("\n\n", sourced.Select(x => x.Text + "\n\n" + SourceLine(content, x.Sources)).Prepend(intro)),
                TextWhereCited = string.Join("\n\n", sourced.Select(x => x.Text).Prepend(intro)),
                Citations = TopicReplies.Citations(dc, sourced.SelectMany(x => x.Sources)),
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
        await dc.SendTextAsync("welcome.disclaimer", ProviderReferral.Args(clinic.Value), cancellationToken).ConfigureAwait(false);
        return await dc.EndDialogAsync(report, cancellationToken).ConfigureAwait(false);
    }

    private OwnMagnesiumTotal OwnMagnesium(State state) => new(
        [.. state.Medicines.Where(m => m.MagnesiumForm is not null)
            .Select(m => (m.Canonical, m.DoseMg, lexicon.Names.Any(n => n.Canonical == m.Canonical && n.SaltLabel)))],
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
        var isLay = cls.Names.Any(n => n.IsLayTerm && n.Canonical == m.Canonical);
        var dose = m.DoseMg is { } d
            ? " " + content.Text("screening.understood.dose", new Dictionary<string, string?> { ["dose"] = d.ToString("0.###", CultureInfo.InvariantCulture) })
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

    private static void AddUnchecked(State state, string name)
    {
        if (!state.Unchecked.Contains(name)) state.Unchecked.Add(name);
    }

    /// <summary>Text typed by the person is escaped before it is echoed back.</summary>
    private static Dictionary<string, string?> Name(string typed) => new() { ["name"] = Markdown.Escape(typed) };

    private bool SaysNone(string text) => MedicationRecognizer.SaysNone(TextNormalizer.Words(text));

    private static bool IsButton(DialogContext dc, string text, string key) =>
        string.Equals(text.Trim(), dc.Content.Text(key), StringComparison.OrdinalIgnoreCase);

    private bool IsButton(DialogContext dc, string text) =>
        IsButton(dc, text, "screening.button.none") || IsButton(dc, text, "screening.button.skip")
        || IsButton(dc, text, "screening.button.nomore") || IsButton(dc, text, "screening.button.noconditions")
        || lexicon.Conditions.Any(c => string.Equals(text.Trim(), c.Name, StringComparison.OrdinalIgnoreCase));

    private static string Capitalize(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];
}
