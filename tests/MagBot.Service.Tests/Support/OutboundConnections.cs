using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace MagBot.Service.Tests.Support;

/// <summary>
/// Counts every connection the service's default HTTP client (the one replies use) tries to open, before any
/// DNS lookup: the connect callback receives the host name unresolved. Loopback hosts are connected for real;
/// any other host is refused here, so a test never resolves or reaches an outside address.
/// </summary>
public sealed class OutboundConnections
{
    private readonly ConcurrentQueue<string> _hosts = new();

    public IReadOnlyCollection<string> Hosts => _hosts;

    public void Attach(WebApplicationBuilder builder) =>
        builder.Services.AddHttpClient(Options.DefaultName).ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
        {
            ConnectCallback = async (context, cancellationToken) =>
            {
                var host = context.DnsEndPoint.Host;
                _hosts.Enqueue(host);
                if (!IPAddress.TryParse(host, out var address) || !IPAddress.IsLoopback(address))
                    throw new HttpRequestException($"Test refuses to connect to {host}.");
                var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    await socket.ConnectAsync(new IPEndPoint(address, context.DnsEndPoint.Port), cancellationToken);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        });
}
