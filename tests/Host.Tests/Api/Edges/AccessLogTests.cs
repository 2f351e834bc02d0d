using System.Net;
using System.Text;
using OrderManagement.Host.Tests.Api.Support;
using OrderManagement.Host.Tests.Infrastructure;

namespace OrderManagement.Host.Tests.Api.Edges;

// Every request leaves exactly one access-log line with its status and duration, whatever ended it: a result,
// a problem from an exception (404, 409, 400), malformed JSON, a refusal by authentication or routing.
[Collection(ApiCollection.Name)]
public sealed class AccessLogTests(ApiFactory api) : IAsyncLifetime
{
    public Task InitializeAsync() => api.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Given_requests_ending_every_way_When_the_log_is_read_Then_each_has_exactly_one_access_line_with_status_and_duration()
    {
        using var console = new ConsoleCapture();
        await using var host = new ConfiguredApiFactory("Development", new Dictionary<string, string?> { ["Serilog:MinimumLevel:Default"] = "Information" });
        await host.InitializeAsync();
        var rejectedOrder = await host.Storefront().PlaceRejectedOrderAsync("cust-log");
        var client = host.CreateClient();
        var requests = new (string Name, HttpMethod Method, string Path, string? Key, string? Body, HttpStatusCode Status)[]
        {
            ("live", HttpMethod.Get, "/health/live", null, null, HttpStatusCode.OK),
            ("set stock", HttpMethod.Put, "/api/v1/inventory/LOG-SKU", ApiFactory.OperatorKey, "{\"onHand\":3}", HttpStatusCode.OK),
            ("unknown order", HttpMethod.Get, $"/api/v1/orders/{Guid.NewGuid()}", ApiFactory.StorefrontKey, null, HttpStatusCode.NotFound),
            ("cancel a rejected order", HttpMethod.Post, $"/api/v1/orders/{rejectedOrder}/cancel", ApiFactory.StorefrontKey, "{}", HttpStatusCode.Conflict),
            ("invalid order", HttpMethod.Post, "/api/v1/orders", ApiFactory.StorefrontKey, "{\"customerId\":\"\"}", HttpStatusCode.BadRequest),
            ("malformed JSON", HttpMethod.Post, "/api/v1/orders", ApiFactory.StorefrontKey, "{\"customerId\":", HttpStatusCode.BadRequest),
            ("no API key", HttpMethod.Get, "/api/v1/inventory/LOG-SKU", null, null, HttpStatusCode.Unauthorized),
            ("no such path", HttpMethod.Get, "/api/v1/nothing-here", ApiFactory.StorefrontKey, null, HttpStatusCode.NotFound),
            ("wrong method", HttpMethod.Delete, "/api/v1/inventory/LOG-SKU", ApiFactory.OperatorKey, null, HttpStatusCode.MethodNotAllowed),
        };
        var sent = new List<(string Name, string CorrelationId, int Status)>();

        foreach (var (name, method, path, key, body, status) in requests)
        {
            var correlationId = "log-" + Guid.NewGuid().ToString("N");
            using var request = new HttpRequestMessage(method, path);
            request.Headers.Add("X-Correlation-Id", correlationId);
            if (key is not null)
            {
                request.Headers.Add("X-Api-Key", key);
            }

            if (body is not null)
            {
                request.Content = new StringContent(body, Encoding.UTF8, "application/json");
            }

            using var response = await client.SendAsync(request);
            response.StatusCode.ShouldBe(status, $"{name}: {await response.Content.ReadAsStringAsync()}");
            sent.Add((name, correlationId, (int)status));
        }

        // The line is written as the request completes, which may be a moment after the client has the response.
        var deadline = DateTime.UtcNow.AddSeconds(5);
        while (DateTime.UtcNow < deadline && !sent.All(s => console.Lines.Any(l => IsAccessLine(l, s.CorrelationId))))
        {
            await Task.Delay(50);
        }

        await Task.Delay(200);
        var lines = console.Lines;
        var failures = new List<string>();
        foreach (var (name, correlationId, status) in sent)
        {
            var access = lines.Where(l => IsAccessLine(l, correlationId)).ToList();
            if (access.Count != 1 || !access[0].Contains($" responded {status} in ", StringComparison.Ordinal) || !access[0].Contains(" ms", StringComparison.Ordinal))
            {
                failures.Add($"{name} ({status}): {access.Count} access-log lines: {string.Join(" | ", access)}");
            }
        }

        failures.ShouldBeEmpty(string.Join(Environment.NewLine, failures));
    }

    private static bool IsAccessLine(string line, string correlationId) =>
        line.Contains(correlationId, StringComparison.Ordinal) && line.Contains("HTTP ", StringComparison.Ordinal) && line.Contains(" responded ", StringComparison.Ordinal);
}
