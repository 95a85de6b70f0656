namespace MagBot.Dialogs.Replies;

/// <summary>A card attached to a reply. Adaptive Cards are sent as JSON attachments
/// (<c>application/vnd.microsoft.card.adaptive</c>): the AdaptiveCards .NET package is not available.</summary>
public abstract record ReplyCard;

/// <summary>A hero card: title, text and buttons. Every channel MagBot supports renders it.</summary>
public sealed record HeroReplyCard(string Title, string? Subtitle, string? Text, IReadOnlyList<ReplyButton> Buttons) : ReplyCard;

/// <summary>An Adaptive Card (schema 1.5 or lower, which Teams and Web Chat render) as a JSON object.</summary>
public sealed record AdaptiveReplyCard(Newtonsoft.Json.Linq.JObject Content, string FallbackText) : ReplyCard
{
    public const string ContentType = "application/vnd.microsoft.card.adaptive";
}
