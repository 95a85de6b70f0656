using MagBot.Dialogs.Engine;
using MagBot.Dialogs.Knowledge;
using MagBot.Dialogs.Replies;
using Microsoft.Extensions.Options;

namespace MagBot.Dialogs.Topics;

/// <summary>"I want to talk to a doctor": why a provider, how to reach the clinic (or whom to ask when no
/// clinic is configured), the disclaimer, and an offer to run the medication check first.</summary>
public sealed class ProviderDialog(IOptions<ClinicOptions> clinic) : Dialog(DialogId)
{
    public const string DialogId = "topic.provider";

    public override string? TitleKey => "dialog.provider.title";

    public override async Task<DialogTurnResult> BeginAsync(DialogContext dc, object? options, CancellationToken cancellationToken = default)
    {
        var content = dc.Content;
        var args = clinic.Value.Placeholders();
        await dc.SendTextAsync("provider.intro", cancellationToken: cancellationToken).ConfigureAwait(false);
        await dc.SendAsync(new Reply { Text = ProviderReferral.ContactText(content, clinic.Value) }, cancellationToken).ConfigureAwait(false);
        await dc.SendTextAsync("welcome.disclaimer", args, cancellationToken).ConfigureAwait(false);
        await dc.SendAsync(new Reply
        {
            Text = content.Text("provider.screening.offer"),
            Buttons = [ReplyButton.Same(content.Text("menu.medications"))],
        }, cancellationToken).ConfigureAwait(false);
        return await dc.EndDialogAsync(null, cancellationToken).ConfigureAwait(false);
    }
}
