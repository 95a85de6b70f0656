using System.Security.Cryptography;
using System.Text;
using Microsoft.Bot.Builder;

namespace MagBot.Dialogs.Insights;

/// <summary>Who kept items belong to, as hashes of the channel's conversation and user ids (ids never stored).</summary>
public sealed record InsightOwner(string Conversation, string Person)
{
    public static InsightOwner Of(ITurnContext turn)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var a = turn.Activity;
        return new(Hash("c", a.ChannelId, a.Conversation?.Id), Hash("u", a.ChannelId, a.From?.Id));
    }

    public bool Owns(string conversation, string person) =>
        conversation == Conversation || (Person.Length > 0 && person == Person);

    private static string Hash(string kind, string? channel, string? id) =>
        string.IsNullOrEmpty(id) ? string.Empty
            : Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes($"magbot-insights/{kind}/{channel}/{id}")))[..24];
}
