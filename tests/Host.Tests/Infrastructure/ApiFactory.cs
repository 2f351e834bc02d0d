using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using OrderManagement.TestKit;

namespace OrderManagement.Host.Tests.Infrastructure;

// The real host, real modules and real PostgreSQL, driven over HTTP. Development settings give the dev API keys;
// timings are shortened so failure paths finish quickly. Variants with other timings derive from it.
public class ApiFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string StorefrontKey = "dev-storefront-key";
    public const string OperatorKey = "dev-operator-key";

    private string _connectionString = "";

    public string ConnectionString => _connectionString;

    public Task InitializeAsync() => StartAsync(resetDatabase: true);

    // Without the reset, a new host takes over the database a previous one left: a restart.
    public async Task StartAsync(bool resetDatabase)
    {
        _connectionString = await DatabaseAsync();
        StartHost(); // migrations run before the first request
        if (resetDatabase)
        {
            await ResetAsync();
        }
    }

    protected virtual void StartHost() => _ = Server;

    // The project's shared test database; a factory whose tests hold locks or connections takes a private one.
    protected virtual Task<string> DatabaseAsync() => TestDatabase.ConnectionStringAsync();

    public Task ResetAsync() => DatabaseReset.ResetAsync(Services, _connectionString);

    public HttpClient Storefront() => ClientWithKey(StorefrontKey);

    public HttpClient Operator() => ClientWithKey(OperatorKey);

    public HttpClient ClientWithKey(string? key)
    {
        var client = CreateClient();
        if (key is not null)
        {
            client.DefaultRequestHeaders.Add("X-Api-Key", key);
        }

        return client;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.ConfigureAppConfiguration((_, configuration) => configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:OrderManagement"] = _connectionString,
            ["Messaging:PollInterval"] = "00:00:00.200",
            ["Messaging:BaseRetryDelay"] = "00:00:00.050",
            ["Messaging:MaxRetryDelay"] = "00:00:00.500",
            ["Payments:CallTimeout"] = "00:00:00.300",
            ["Payments:MaxAuthorizationAttempts"] = "3",
            ["Payments:RetryBaseDelay"] = "00:00:00.100",
            ["Payments:RetryMaxDelay"] = "00:00:00.400",
            ["Serilog:MinimumLevel:Default"] = "Warning",
            // The longest deadline allowed: a test's request on a busy machine is slow, not abandoned (RequestDeadlineTests set their own).
            ["Api:RequestTimeout"] = "00:01:00",
            // Admission by backlog off: tests place bursts on a busy machine and expect 202 (BacklogAdmissionTests turn it on).
            ["Api:Intake:MaxBacklogAge"] = "1.00:00:00",
        }).AddInMemoryCollection(Settings));
    }

    // A variant's settings, on top of the ones above.
    protected virtual IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>();

    async Task IAsyncLifetime.DisposeAsync() => await DisposeAsync();
}
