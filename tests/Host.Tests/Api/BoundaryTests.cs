using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using OrderManagement.Host.Tests.Api.Fuzz;
using OrderManagement.Host.Tests.Api.Support;
using OrderManagement.Host.Tests.Infrastructure;

namespace OrderManagement.Host.Tests.Api;

// The other side of the fuzz test's boundaries: the last values the contract allows are accepted.
[Collection(ApiCollection.Name)]
public sealed class BoundaryTests(ApiFactory api) : IAsyncLifetime
{
    private readonly HttpClient _storefront = api.Storefront();

    public Task InitializeAsync() => api.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    public static TheoryData<string> Edges() => new(Edits.Keys);

    private static readonly Dictionary<string, Action<JsonObject>> Edits = new()
    {
        ["quantity 1"] = b => b["lines"]![0]!["quantity"] = 1,
        ["quantity 1000"] = b => b["lines"]![0]!["quantity"] = 1000,
        ["unitPrice 0.01"] = b => b["lines"]![0]!["unitPrice"] = 0.01m,
        ["unitPrice 1000000"] = b => b["lines"]![0]!["unitPrice"] = 1_000_000m,
        ["64-char customerId"] = b => b["customerId"] = new string('c', 64),
        ["128-char token"] = b => b["payment"]!["token"] = new string('t', 128),
        ["64-char sku"] = b => b["lines"]![0]!["sku"] = new string('S', 64),
        ["sku of every allowed character"] = b => b["lines"]![0]!["sku"] = "Az09-_.",
        ["100 lines"] = b => b["lines"] = new JsonArray(Enumerable.Range(0, 100)
            .Select(i => (JsonNode)new JsonObject { ["sku"] = $"L-{i}", ["quantity"] = 1, ["unitPrice"] = 1m }).ToArray()),
        ["line2 missing"] = b => b["shippingAddress"]!.AsObject().Remove("line2"),
        ["non-ASCII name"] = b => b["shippingAddress"]!["name"] = "Zoë Ångström 😀",
    };

    [Theory]
    [MemberData(nameof(Edges))]
    public async Task Given_a_value_at_the_edge_of_the_rules_When_placing_Then_202_and_one_order(string edge)
    {
        var body = OrderRequests.PlaceOrderBody();
        Edits[edge](body);

        using var response = await _storefront.SendAsync(ApiCalls.PlaceOrderRequest(body));

        response.StatusCode.ShouldBe(HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync());
        (await Tables.CountAsync(api.ConnectionString, "ordering.orders")).ShouldBe(1);
    }

    [Fact]
    public async Task Given_a_body_of_exactly_256_KiB_When_placing_Then_202()
    {
        var content = new ByteArrayContent(BadRequestTable.Padded(256 * 1024));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");

        using var response = await _storefront.PostAsync("/api/v1/orders", content);

        response.StatusCode.ShouldBe(HttpStatusCode.Accepted);
    }
}
