using System.Diagnostics;
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
        var (apiPort, scrapePort) = (RunScript.FreePort(), RunScript.FreePort());
        var directory = Path.Combine(RunScript.Repository, "src", "Host", "bin", "Release", "net10.0");
        var start = new ProcessStartInfo("dotnet", [Path.Combine(directory, "OrderManagement.Host.dll")])
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{apiPort}";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["Metrics__ScrapeUrl"] = $"http://127.0.0.1:{scrapePort}";
        start.Environment["ConnectionStrings__OrderManagement"] = await TestDatabase.ConnectionStringAsync();
        using var host = Process.Start(start)!;
        var output = Task.WhenAll(host.StandardOutput.ReadToEndAsync(), host.StandardError.ReadToEndAsync());
        try
        {
            using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
            var api = new Uri($"http://127.0.0.1:{apiPort}");
            var scrape = new Uri($"http://127.0.0.1:{scrapePort}");
            await Poller.UntilAsync(() => LiveAsync(client, new Uri(api, "/health/live")), live => live, "the host to answer /health/live", TimeSpan.FromSeconds(90));

            (await client.GetAsync(new Uri(scrape, "/metrics"))).StatusCode.ShouldBe(HttpStatusCode.OK);
            foreach (var path in new[] { "/api/v1/orders", "/ops", "/health/ready", "/openapi/v1.json" })
            {
                (await client.GetAsync(new Uri(scrape, path))).StatusCode.ShouldBe(HttpStatusCode.NotFound, $"{path} on the scrape address");
            }

            (await client.GetAsync(new Uri(api, "/metrics"))).StatusCode.ShouldBe(HttpStatusCode.NotFound, "/metrics on the API address");
        }
        finally
        {
            host.Kill(entireProcessTree: true);
            await host.WaitForExitAsync();
            _ = await output;
        }
    }

    private static async Task<bool> LiveAsync(HttpClient client, Uri live)
    {
        try
        {
            return (await client.GetAsync(live)).IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }
}
