using System.Net;

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
            (await client.GetAsync(new Uri(scrape, path))).StatusCode.ShouldBe(HttpStatusCode.NotFound, $"{path} on the scrape address");
        }

        (await client.GetAsync(new Uri(host.Address, "/metrics"))).StatusCode.ShouldBe(HttpStatusCode.NotFound, "/metrics on the API address");
    }
}
