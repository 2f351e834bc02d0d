using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace OrderManagement.Ordering.Webhooks;

// The named HttpClient the sender uses (IHttpClientFactory): no redirects followed (a 3xx is a failed attempt), no
// cookies, and outside Development a ConnectCallback that dials only public addresses (DestinationRules).
internal static class WebhookHttp
{
    public const string ClientName = "OrderManagement.Webhooks";

    public static void AddWebhookHttpClient(this IServiceCollection services) =>
        services.AddHttpClient(ClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(sp =>
            {
                var allowPrivate = sp.GetRequiredService<IOptions<WebhookOptions>>().Value.AllowPrivateDestinations;
                var handler = new SocketsHttpHandler
                {
                    AllowAutoRedirect = false,
                    UseCookies = false,
                    PooledConnectionLifetime = TimeSpan.FromMinutes(2),
                };
                if (!allowPrivate)
                {
                    handler.ConnectCallback = ConnectToPublicAddressAsync;
                }

                return handler;
            });

    private static async ValueTask<Stream> ConnectToPublicAddressAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var host = context.DnsEndPoint.Host;
        var addresses = IPAddress.TryParse(host, out var literal) ? [literal] : await Dns.GetHostAddressesAsync(host, cancellationToken);
        var allowed = addresses.Where(DestinationRules.IsPublic).ToArray();
        if (allowed.Length == 0)
        {
            throw new HttpRequestException(HttpRequestError.ConnectionError,
                $"{host} resolves only to loopback, private or link-local addresses ({string.Join(", ", addresses.Select(a => a.ToString()))}); refused.");
        }

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(allowed, context.DnsEndPoint.Port, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
