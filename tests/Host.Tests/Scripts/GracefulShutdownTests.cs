using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using OrderManagement.Host.Tests.Infrastructure;
using OrderManagement.TestKit;

namespace OrderManagement.Host.Tests.Scripts;

// Issue 17, fault 4: SIGTERM during a burst. Readiness turns 503 at once, the host keeps serving for the drain period,
// and a client that stops sending once readiness fails (as a load balancer does) gets an answer to every request it
// sent; then the host exits cleanly.
public sealed class GracefulShutdownTests
{
    private static readonly TimeSpan DrainPeriod = TimeSpan.FromSeconds(4);

    [Fact]
    public async Task Given_a_burst_of_orders_When_the_host_gets_SIGTERM_Then_readiness_fails_at_once_and_every_request_sent_is_answered()
    {
        await using var host = await BuiltHost.StartAsync(new Dictionary<string, string>
        {
            ["Shutdown__DrainPeriod"] = DrainPeriod.ToString(),
        }, database: "shutdown");
        using var operatorClient = Client(host, "dev-operator-key");
        var sku = "DRAIN-" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        await operatorClient.SetStockAsync(sku, 1_000_000);
        (await ShutdownCheckAsync(operatorClient)).ShouldBe("ready");

        using var storefront = Client(host, "dev-storefront-key");
        var stopSending = new CancellationTokenSource();
        var answers = new List<string>();
        var workers = Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
        {
            while (!stopSending.IsCancellationRequested)
            {
                var answer = await PlaceAsync(storefront, sku);
                lock (answers)
                {
                    answers.Add(answer);
                }
            }
        })).ToList();
        // Two answers per worker: every worker is sending. A busy machine may take a minute to get there.
        await Poller.UntilAsync(() => Task.FromResult(Count(answers) >= 16), "the burst to get going", TimeSpan.FromMinutes(2));

        host.Terminate();
        var signalled = DateTimeOffset.UtcNow;
        var readiness = await Poller.UntilAsync(() => ShutdownCheckAsync(operatorClient), check => check != "ready",
            "readiness to fail after SIGTERM", TimeSpan.FromSeconds(2));
        // Measured when readiness failed, not after the workers' last answers: those may take long on a busy machine.
        var readinessFailedAfter = DateTimeOffset.UtcNow - signalled;
        stopSending.Cancel();
        await Task.WhenAll(workers);

        readiness.ShouldBe("not-ready");
        readinessFailedAfter.ShouldBeLessThan(DrainPeriod, "the drain period ended before the load balancer could react");
        var exitCode = await host.WaitForExitAsync(DrainPeriod + TimeSpan.FromSeconds(30));
        answers.Where(a => a != "202").ShouldBeEmpty($"every request sent was answered with 202 ({answers.Count} sent)\n{host.Output}");
        exitCode.ShouldBe(0, host.Output);
        host.Output.ShouldContain("SIGTERM received");
        // A planned drain is not a fault: its readiness 503s (health check and access log) are Warnings, so an operator
        // alerting on errors is not paged by a deploy.
        host.Output.Split('\n').Where(line => line.Contains(" ERR] ", StringComparison.Ordinal)).ShouldBeEmpty(host.Output);
        host.Output.ShouldContain("/health/ready responded 503");
    }

    private static HttpClient Client(BuiltHost host, string key)
    {
        var client = new HttpClient { BaseAddress = host.Address, Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Add("X-Api-Key", key);
        return client;
    }

    private static async Task<string> PlaceAsync(HttpClient storefront, string sku)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/orders")
        {
            Content = JsonContent.Create(OrderRequests.PlaceOrderBody("tok_visa", (sku, 1, 10m))),
        };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        try
        {
            using var response = await storefront.SendAsync(request);
            return ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (HttpRequestException ex)
        {
            return "no answer: " + ex.Message;
        }
    }

    // The "shutdown" entry of /health/ready, or "unreachable" when nothing answers.
    private static async Task<string> ShutdownCheckAsync(HttpClient client)
    {
        try
        {
            using var response = await client.GetAsync("/health/ready");
            var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
            var check = body["checks"]?["shutdown"]?["status"]?.GetValue<string>() ?? "missing";
            return response.StatusCode == HttpStatusCode.ServiceUnavailable || check == "ready" ? check : "inconsistent: " + response.StatusCode;
        }
        catch (HttpRequestException ex)
        {
            return "unreachable: " + ex.Message;
        }
    }

    private static int Count(List<string> answers)
    {
        lock (answers)
        {
            return answers.Count;
        }
    }
}
