using Microsoft.Bot.Connector;
using Microsoft.Rest;
using Newtonsoft.Json;

namespace MagBot.Bot;

/// <summary>
/// A kept <see cref="IConnectorClient"/> handed to many turns at once. The adapter disposes the client at the
/// end of each turn, so disposing this view does nothing, and its address cannot be changed by one turn under
/// the others.
/// </summary>
internal sealed class SharedConnectorClient(IConnectorClient client) : IConnectorClient
{
    public Uri BaseUri
    {
        get => client.BaseUri;
        set => throw new InvalidOperationException("This connector client is shared between turns; its BaseUri cannot be changed. Ask the turn's ConnectorFactory for a client for the other address.");
    }

    public JsonSerializerSettings SerializationSettings => client.SerializationSettings;

    public JsonSerializerSettings DeserializationSettings => client.DeserializationSettings;

    public ServiceClientCredentials Credentials => client.Credentials;

    public IAttachments Attachments => client.Attachments;

    public IConversations Conversations => client.Conversations;

    public void Dispose()
    {
        // Kept by ConnectorClientPool for other turns.
    }
}
