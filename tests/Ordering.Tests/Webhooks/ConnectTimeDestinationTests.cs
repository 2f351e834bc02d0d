using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OrderManagement.Ordering.Webhooks;

namespace OrderManagement.Ordering.Tests.Webhooks;

// The second line against SSRF: whatever a subscription's URL looked like when it was made (a name's DNS answer may
// change afterwards), the sender's client dials only public addresses outside Development.
public sealed class ConnectTimeDestinationTests : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);

    public ConnectTimeDestinationTests() => _listener.Start();

    private int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    [Theory]
    [InlineData("http://127.0.0.1:{0}/hooks")]
    [InlineData("http://localhost:{0}/hooks")]
    public async Task Given_private_destinations_not_allowed_When_a_url_resolves_to_loopback_at_connect_time_Then_nothing_connects(string url)
    {
        using var client = Client(allowPrivate: false);

        var failure = await Should.ThrowAsync<HttpRequestException>(() => client.PostAsync(string.Format(null, url, Port), new StringContent("{}")));

        failure.Message.ShouldContain("refused");
        _listener.Pending().ShouldBeFalse("no connection reached the loopback listener");
    }

    [Fact]
    public async Task Given_private_destinations_allowed_When_the_url_is_loopback_Then_it_connects()
    {
        using var client = Client(allowPrivate: true);
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(10));

        var sending = client.PostAsync($"http://127.0.0.1:{Port}/hooks", new StringContent("{}"), cancel.Token);
        using var accepted = await _listener.AcceptTcpClientAsync(cancel.Token);

        accepted.Connected.ShouldBeTrue();
        await cancel.CancelAsync();
        await Should.ThrowAsync<Exception>(() => sending);
    }

    private static HttpClient Client(bool allowPrivate)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IOptions<WebhookOptions>>(Options.Create(new WebhookOptions { AllowPrivateDestinations = allowPrivate }));
        services.AddWebhookHttpClient();
        return services.BuildServiceProvider().GetRequiredService<IHttpClientFactory>().CreateClient(WebhookHttp.ClientName);
    }

    public void Dispose() => _listener.Stop();
}
