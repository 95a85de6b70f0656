using Microsoft.Bot.Connector;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace MagBot.Dialogs.Feedback;

/// <summary>
/// Like/dislike on sourced answers, the way each channel does it.
/// <list type="bullet">
/// <item>Web Chat 4.18 (Direct Line): a schema.org <c>LikeAction</c> and <c>DislikeAction</c> in the <c>potentialAction</c>
/// of the message's <c>Message</c> entity (the one with <c>@id</c> ""). Web Chat shows thumbs under the message and, when
/// one is pressed, posts an event named <see cref="WebChatEventName"/> whose only entity is the pressed action as it was
/// sent (botframework-webchat-component, ActivityStatus/private/Feedback). The event names no message, so each action
/// carries what it rates in its <c>object</c>: an identifier (the content key) and what it is about (the topic).</item>
/// <item>Teams: <c>channelData.feedbackLoopEnabled</c>; Teams sends an <c>invoke</c> named <see cref="SubmitActionInvokeName"/>
/// with <c>actionName</c> "feedback" and <c>actionValue</c> { reaction, feedback }. Newer Web Chat sends the same invoke
/// for messages with a feedback loop.</item>
/// </list>
/// </summary>
public static class FeedbackMarkup
{
    public const string WebChatEventName = "webchat:activity-status/feedback";
    public const string SubmitActionInvokeName = "message/submitAction";

    public static JArray PotentialActions(FeedbackTarget target)
    {
        ArgumentNullException.ThrowIfNull(target);
        return [Action("LikeAction", target), Action("DislikeAction", target)];
    }

    private static JObject Action(string type, FeedbackTarget target) => new()
    {
        ["@type"] = type,
        ["object"] = new JObject
        {
            ["@type"] = "CreativeWork",
            ["identifier"] = target.ContentKey,
            ["about"] = target.Topic,
        },
    };

    /// <summary>The rating an incoming activity carries (Web Chat's event or the submitAction invoke), or null.</summary>
    public static FeedbackSubmission? Read(IActivity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        try
        {
            return ReadUnchecked(activity);
        }
        catch (Exception e) when (e is Newtonsoft.Json.JsonException or InvalidCastException or ArgumentException or FormatException or InvalidOperationException)
        {
            // A client can send anything in these fields: a shape we cannot read is no rating, never a failed turn.
            return null;
        }
    }

    private static FeedbackSubmission? ReadUnchecked(IActivity activity)
    {
        if (activity.Type == ActivityTypes.Event && activity is IEventActivity { Name: WebChatEventName } evt)
            return ReadWebChat(evt.Entities);
        if (activity.Type == ActivityTypes.Invoke && activity is IInvokeActivity { Name: SubmitActionInvokeName } invoke)
            return ReadSubmitAction(invoke.Value, activity.ChannelId);
        return null;
    }

    private static FeedbackSubmission? ReadWebChat(IList<Entity>? entities)
    {
        foreach (var entity in entities ?? [])
        {
            // Bot Framework maps "type" to Entity.Type; schema.org's "@type" stays among the properties.
            var props = entity.Properties ?? [];
            var rating = (Str(props, "@type") ?? entity.Type) switch
            {
                "LikeAction" or "https://schema.org/LikeAction" => FeedbackRatings.Like,
                "DislikeAction" or "https://schema.org/DislikeAction" => FeedbackRatings.Dislike,
                _ => null,
            };
            if (rating is null) continue;
            var target = props["object"] is JObject o && Str(o, "identifier") is { } key
                ? new FeedbackTarget(key, Str(o, "about") ?? "none")
                : null;
            return new FeedbackSubmission(rating, target, null, "webchat");
        }
        return null;
    }

    private static FeedbackSubmission? ReadSubmitAction(object? value, string? channelId)
    {
        var json = value as JObject ?? (value is null ? null : JObject.FromObject(value));
        if (json is null || !string.Equals(Str(json, "actionName"), "feedback", StringComparison.Ordinal)) return null;
        var actionValue = json["actionValue"] as JObject;
        var rating = (actionValue is null ? null : Str(actionValue, "reaction")) switch
        {
            "like" => FeedbackRatings.Like,
            "dislike" => FeedbackRatings.Dislike,
            _ => null,
        };
        if (rating is null) return null;
        return new FeedbackSubmission(rating, null, CommentOf(actionValue!["feedback"]), channelId == Channels.Msteams ? "teams" : "invoke");
    }

    // Teams sends the form's answer as a JSON string ("{\"feedbackText\":\"...\"}"), Web Chat as an object.
    private static string? CommentOf(JToken? feedback)
    {
        if (feedback is null) return null;
        if (feedback is JObject o) return Str(o, "feedbackText");
        if (feedback.Type != JTokenType.String) return null;
        var text = feedback.Value<string>() ?? string.Empty;
        if (text.TrimStart().StartsWith('{'))
        {
            try { return Str(JObject.Parse(text), "feedbackText"); }
            catch (Newtonsoft.Json.JsonException) { return null; }
        }
        return text;
    }

    private static string? Str(JObject o, string name) => o[name] is JValue { Type: JTokenType.String } v ? (string?)v : null;
}
