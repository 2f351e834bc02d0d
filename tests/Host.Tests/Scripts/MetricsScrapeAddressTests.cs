using System.Net;
using OrderManagement.TestKit;

namespace OrderManagement.Host.Tests.Scripts;

// Metrics:ScrapeUrl opens a second address for Prometheus; it serves /metrics and nothing else, and the API address
// no longer serves /metrics. Needs real Kestrel listening on two ports, so the built host runs as a process.
public sealed class MetricsScrapeAddressTests
{
    [Fact]
    public async Task Given_a_separate_scrape_address_When_asked_for_metrics_the_api_and_the_console_Then_only_metrics_answer_there()
    {
        var scrape = new Uri($"http://127.0.0.1:{RunScript.FreePort()}");
        await using var host = await BuiltHost.StartAsync(new Dictionary<string, string> { ["Metrics__ScrapeUrl"] = scrape.GetLeftPart(UriPartial.Authority) });
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };

        (await client.GetAsync(new Uri(scrape, "/metrics"))).StatusCode.ShouldBe(HttpStatusCode.OK);
        foreach (var path in new[] { "/api/v1/orders", "/ops", "/health/ready", "/openapi/v1.json" })
        {
            var response = await client.GetAsync(new Uri(scrape, path));
            response.StatusCode.ShouldBe(HttpStatusCode.NotFound, $"{path} on the scrape address");
            response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json", $"{path} on the scrape address");
            (await response.Content.ReadAsStringAsync()).ShouldContain("Metrics:ScrapeUrl");
        }

        var ready = host.Output.Split('\n').Single(l => l.Contains("OrderManagement is ready on", StringComparison.Ordinal));
        ready.ShouldContain($"ready on {host.Address.GetLeftPart(UriPartial.Authority)}; metrics scraped at {scrape.GetLeftPart(UriPartial.Authority)}/metrics;");

        (await client.GetAsync(new Uri(host.Address, "/metrics"))).StatusCode.ShouldBe(HttpStatusCode.NotFound, "/metrics on the API address");
    }

    [Fact]
    public async Task Given_the_scrape_address_on_the_API_port_When_the_built_host_starts_Then_it_stops_naming_the_key_and_the_rule()
    {
        var port = RunScript.FreePort();
        var host = Path.Combine(RunScript.Repository, "src", "Host", "bin", "Release", "net10.0");

        var (exitCode, output) = await RunScript.RunAsync("dotnet", [Path.Combine(host, "OrderManagement.Host.dll")], host, new Dictionary<string, string?>
        {
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}",
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["ConnectionStrings__OrderManagement"] = await TestDatabase.ConnectionStringAsync(),
            ["Metrics__ScrapeUrl"] = $"http://127.0.0.1:{port}",
        });

        exitCode.ShouldBe(1, output);
        var stopped = output.Split('\n').Where(l => l.Contains("The host stopped", StringComparison.Ordinal)).ToList();
        stopped.ShouldHaveSingleItem(output);
        stopped[0].ShouldContain("Metrics:ScrapeUrl must use a port of its own, not one the API listens on");
        stopped[0].ShouldNotContain("Another process listens there");
    }

    [Fact]
    public async Task Given_the_scrape_address_on_a_port_in_use_When_the_built_host_starts_Then_it_stops_naming_both_settings()
    {
        using var busy = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        busy.Start();
        var busyPort = ((System.Net.IPEndPoint)busy.LocalEndpoint).Port;
        var host = Path.Combine(RunScript.Repository, "src", "Host", "bin", "Release", "net10.0");

        var (exitCode, output) = await RunScript.RunAsync("dotnet", [Path.Combine(host, "OrderManagement.Host.dll")], host, new Dictionary<string, string?>
        {
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{RunScript.FreePort()}",
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["ConnectionStrings__OrderManagement"] = await TestDatabase.ConnectionStringAsync(),
            ["Metrics__ScrapeUrl"] = $"http://127.0.0.1:{busyPort}",
        });

        exitCode.ShouldBe(1, output);
        var stopped = output.Split('\n').Where(l => l.Contains("The host stopped", StringComparison.Ordinal)).ToList();
        stopped.ShouldHaveSingleItem(output);
        stopped[0].ShouldContain("Another process listens there");
        stopped[0].ShouldContain("Metrics:ScrapeUrl for the metrics scrape address");
    }
}
