using System.Text;
using System.Text.Json.Nodes;
using OrderManagement.Host.Tests.Api.Fuzz;
using OrderManagement.Host.Tests.Api.Support;
using OrderManagement.Host.Tests.Infrastructure;

namespace OrderManagement.Host.Tests.Api.Edges;

// A client gets the same problem body whatever environment the host runs in: Production names the bad field just
// as Development does. Only the trace id (and, in Development, stack details) may differ.
[Collection(ApiCollection.Name)]
public sealed class ProblemsInEveryEnvironmentTests(ApiFactory development, ProductionApiFactory production) : IClassFixture<ProductionApiFactory>, IAsyncLifetime
{
    private const string Sku = "ENV-SKU-1";

    public async Task InitializeAsync()
    {
        await development.ResetAsync();
        await development.Operator().SetStockAsync(Sku, 10);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private static IEnumerable<RawRequest> Requests()
    {
        var storefront = ApiFactory.StorefrontKey;
        var operatorKey = ApiFactory.OperatorKey;
        RawRequest Place(string name, byte[]? body, int status) => new(name, HttpMethod.Post, "/api/v1/orders", storefront, status) { Body = body };
        yield return Place("quantity as string", JsonEdit.WithRaw(BadRequestTable.Valid(), "lines[0].quantity", "\"2\""), 400);
        yield return Place("unitPrice as string", JsonEdit.WithRaw(BadRequestTable.Valid(), "lines[0].unitPrice", "\"1\""), 400);
        yield return Place("malformed JSON", Encoding.UTF8.GetBytes("{\"customerId\":"), 400);
        yield return Place("empty body", [], 400);
        yield return Place("no body", null, 400) with { ContentType = null };
        yield return Place("text/plain", JsonEdit.Bytes(BadRequestTable.Valid()), 415) with { ContentType = "text/plain" };
        yield return Place("validation", Encoding.UTF8.GetBytes("{\"customerId\":\"\",\"currency\":\"EUR\",\"lines\":[]}"), 400);
        yield return new RawRequest("onHand as string", HttpMethod.Put, $"/api/v1/inventory/{Sku}", operatorKey, 400) { Body = Encoding.UTF8.GetBytes("{\"onHand\":\"5\"}") };
        yield return new RawRequest("dispatch without body", HttpMethod.Post, $"/api/v1/shipments/{Guid.Empty}/dispatch", operatorKey, 400) { ContentType = null };
        yield return new RawRequest("limit not a number", HttpMethod.Get, "/api/v1/orders?limit=abc", storefront, 400) { ContentType = null };
        yield return new RawRequest("unknown order", HttpMethod.Get, $"/api/v1/orders/{Guid.Empty}", storefront, 404) { ContentType = null };
        yield return new RawRequest("no such path", HttpMethod.Get, "/api/v1/nothing-here", storefront, 404) { ContentType = null };
        yield return new RawRequest("wrong method", HttpMethod.Delete, $"/api/v1/inventory/{Sku}", operatorKey, 405) { ContentType = null };
        yield return new RawRequest("no key", HttpMethod.Get, $"/api/v1/inventory/{Sku}", null, 401) { ContentType = null };
        yield return new RawRequest("wrong role", HttpMethod.Get, "/api/v1/ops/sagas", storefront, 403) { ContentType = null };
    }

    [Fact]
    public async Task Given_the_same_bad_requests_When_sent_to_Production_and_Development_Then_the_problem_bodies_are_the_same()
    {
        var failures = new List<string>();
        var developmentClient = development.CreateClient();
        var productionClient = production.CreateClient();

        foreach (var request in Requests())
        {
            using var inDevelopment = await developmentClient.SendAsync(request.ToMessage());
            using var inProduction = await productionClient.SendAsync(request.ToMessage());
            foreach (var (environment, response) in new[] { ("Development", inDevelopment), ("Production", inProduction) })
            {
                if (await Problems.CheckAsync(response, request.ExpectedStatus, null) is { } problem)
                {
                    failures.Add($"{request} in {environment}: {problem}");
                }
            }

            var developmentBody = Comparable(await inDevelopment.Content.ReadAsStringAsync());
            var productionBody = Comparable(await inProduction.Content.ReadAsStringAsync());
            if (developmentBody != productionBody)
            {
                failures.Add($"{request}:{Environment.NewLine}  Development: {developmentBody}{Environment.NewLine}  Production:  {productionBody}");
            }
        }

        failures.ShouldBeEmpty(string.Join(Environment.NewLine, failures));
    }

    private static string Comparable(string body)
    {
        if (JsonNode.Parse(body) is not JsonObject problem)
        {
            return body;
        }

        problem.Remove("traceId");
        problem.Remove("exception");
        return problem.ToJsonString();
    }
}
