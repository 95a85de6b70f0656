using MagBot.Dialogs.Engine;
using MagBot.Dialogs.Knowledge;
using MagBot.Dialogs.Replies;
using MagBot.Dialogs.Topics;
using MagBot.Dialogs.Understanding;
using Microsoft.Extensions.DependencyInjection;

namespace MagBot.Dialogs.Tests.Support;

/// <summary>
/// Two small topics for tests that need the conversation in the middle of something, independent of
/// the real topics: "how much…" starts a topic that asks for a dose (a prompt inside a waterfall), and
/// "…foods…" is a one-turn side question, after which the bot offers to go back (the resume offer).
/// </summary>
public static class ProbeTopics
{
    /// <summary>The probe's question: a prompt stores a content key, so it asks with one of MagBot's own.</summary>
    public const string AskKey = "amounts.dose.ask";
    public static readonly string AskText = ContentCatalog.LoadEmbedded().Text(AskKey);
    public const string DoneText = "PROBE: done";
    public const string SideText = "PROBE: side answer";
    public const string StartTopic = "how much magnesium";
    public const string SideQuestion = "what foods have magnesium";

    public static void Configure(IServiceCollection services)
    {
        services.AddSingleton<Dialog>(new DoseProbeDialog());
        services.AddSingleton<Dialog>(new SideProbeDialog());
        // The real table (its menu and buttons), with two of its intents answered by the probes.
        services.AddSingleton(TopicCatalog.LoadEmbedded(ContentCatalog.LoadEmbedded())
            .Map(Intents.Amounts, DoseProbeDialog.DialogId)
            .Map(Intents.Foods, SideProbeDialog.DialogId));
    }

    private sealed class DoseProbeDialog() : WaterfallDialog<DoseProbeDialog.Values>(DialogId)
    {
        public const string DialogId = "test.probe.dose";

        public sealed class Values
        {
            public double? Dose { get; set; }
        }

        protected override IReadOnlyList<Step> Steps => [AskAsync, DoneAsync];

        private static Task<DialogTurnResult> AskAsync(WaterfallStep<Values> step, CancellationToken cancellationToken) =>
            step.PromptAsync(PromptIds.Dose, new PromptOptions { PromptKey = AskKey }, cancellationToken);

        private static async Task<DialogTurnResult> DoneAsync(WaterfallStep<Values> step, CancellationToken cancellationToken)
        {
            await step.Context.SendAsync(Reply.FromText(DoneText), cancellationToken);
            return await step.EndAsync(cancellationToken: cancellationToken);
        }
    }

    private sealed class SideProbeDialog() : Dialog(DialogId)
    {
        public const string DialogId = "test.probe.side";

        public override async Task<DialogTurnResult> BeginAsync(DialogContext dc, object? options, CancellationToken cancellationToken = default)
        {
            await dc.SendAsync(Reply.FromText(SideText), cancellationToken);
            return await dc.EndDialogAsync(null, cancellationToken);
        }
    }
}
