using Microsoft.Bot.Connector;
using Microsoft.Bot.Schema;

namespace MagBot.Dialogs.Replies;

/// <summary>
/// Turns a <see cref="Reply"/> into the activity a channel expects.
/// Teams personal chat shows at most three suggested actions, so a longer list becomes a hero card
/// with buttons there; other channels get them all as suggested actions. Direct Line (Web Chat) gets the
/// reply's sources as citations (<see cref="CitationMarkup"/>).
/// </summary>
public static class ReplyRenderer
{
    public const int TeamsSuggestedActionLimit = 3;

    public static IMessageActivity Render(Reply reply, string? channelId)
    {
        ArgumentNullException.ThrowIfNull(reply);
        var activity = Activity.CreateMessageActivity();
        var isTeams = string.Equals(channelId, Channels.Msteams, StringComparison.OrdinalIgnoreCase);
        activity.Text = isTeams ? TeamsMarkdown.Adapt(reply.Text) : reply.Text;
        if (CitationMarkup.IsShownOn(channelId))
        {
            activity.Text = reply.TextWhereCited ?? reply.Text;
            if (reply.Citations.Count > 0 && activity.Text is not null)
            {
                activity.Text = CitationMarkup.AppendMarkers(activity.Text, reply.Citations);
                activity.Entities = [CitationMarkup.MessageEntity(reply.Citations, reply.Feedback)];
            }
        }
        else if (isTeams && reply.Feedback is not null)
        {
            // Teams draws its own thumbs and sends message/submitAction when one is pressed.
            activity.ChannelData = new Newtonsoft.Json.Linq.JObject { ["feedbackLoopEnabled"] = true };
        }
        activity.TextFormat = TextFormatTypes.Markdown;
        activity.Speak = reply.Speak ?? (reply.Text is null ? null : Markdown.ToPlainText(reply.Text));
        activity.InputHint = reply.Buttons.Count > 0 ? InputHints.ExpectingInput : InputHints.AcceptingInput;
        activity.Attachments = [];

        if (reply.Buttons.Count > 0)
        {
            if (isTeams && reply.Buttons.Count > TeamsSuggestedActionLimit)
            {
                activity.Attachments.Add(ToAttachment(new HeroReplyCard(string.Empty, null, null, reply.Buttons)));
            }
            else
            {
                activity.SuggestedActions = new SuggestedActions { Actions = [.. reply.Buttons.Select(ToAction)] };
            }
        }

        if (reply.Card is not null)
        {
            activity.Attachments.Add(ToAttachment(reply.Card));
        }
        return activity;
    }

    private static CardAction ToAction(ReplyButton b) =>
        // imBack posts the value as if the user typed it: it shows in the transcript, works in
        // Teams, Web Chat and the Emulator, and reaches the same understanding as typed text.
        new(ActionTypes.ImBack, title: b.Title, value: b.Value);

    private static Attachment ToAttachment(ReplyCard card) => card switch
    {
        HeroReplyCard hero => new HeroCard(
            title: string.IsNullOrEmpty(hero.Title) ? null : hero.Title,
            subtitle: hero.Subtitle,
            text: hero.Text,
            buttons: [.. hero.Buttons.Select(ToAction)]).ToAttachment(),
        AdaptiveReplyCard adaptive => new Attachment(AdaptiveReplyCard.ContentType, content: adaptive.Content),
        _ => throw new ArgumentOutOfRangeException(nameof(card), card.GetType().Name, "Unknown card type: add it to ReplyRenderer."),
    };
}
