using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using OrderManagement.TestKit;

namespace OrderManagement.Console.Tests;

// The real host on Kestrel, on a free loopback port, with the real modules and PostgreSQL, for a real browser.
// Payments never answers tok_timeout here and the payment step gives up after a moment, so such an order stalls fast.
public sealed class ConsoleHost : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string StorefrontKey = "dev-storefront-key";
    public const string OperatorKey = "dev-operator-key";

    public string ConnectionString { get; private set; } = "";

    public Uri BaseAddress { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        ConnectionString = await TestDatabase.ConnectionStringAsync();
        var port = FreePort();
        UseKestrel(port);
        StartServer();
        BaseAddress = new Uri($"http://localhost:{port}");
        await ResetAsync();
    }

    public Task ResetAsync() => DatabaseReset.ResetAsync(Services, ConnectionString);

    public HttpClient Api(string key)
    {
        var client = new HttpClient { BaseAddress = BaseAddress };
        client.DefaultRequestHeaders.Add("X-Api-Key", key);
        return client;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.ConfigureAppConfiguration((_, configuration) => configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:OrderManagement"] = ConnectionString,
            ["Messaging:PollInterval"] = "00:00:00.200",
            ["Messaging:BaseRetryDelay"] = "00:00:00.050",
            ["Messaging:MaxRetryDelay"] = "00:00:00.300",
            // Short, so that a tok_timeout order fails within seconds, yet long enough for a tok_visa order's payment on a
            // loaded machine: at 0.3 s, two tok_visa orders failed at AuthorizePayment at load 23.
            ["Fulfilment:PaymentStepDeadline"] = "00:00:02",
            ["Payments:CallTimeout"] = "00:00:00.200",
            ["Payments:MaxAuthorizationAttempts"] = "1000",
            ["Serilog:MinimumLevel:Default"] = "Warning",
            // The longest deadline allowed: a page on a busy machine is slow, not abandoned.
            ["Api:RequestTimeout"] = "00:01:00",
        }));
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    async Task IAsyncLifetime.DisposeAsync() => await DisposeAsync();
}
