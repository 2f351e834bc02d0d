using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using OrderManagement.Host.Tests.Api.Fuzz;
using OrderManagement.Host.Tests.Api.Support;
using OrderManagement.Host.Tests.Infrastructure;

namespace OrderManagement.Host.Tests.Api.Edges;

// .NET's '$' matches before a final "\n", and number and id parsers skip trailing white space: every field with a
// pattern (SKUs, codes, ids, enum filters, numbers in the path or query) must refuse a value that ends in a newline
// instead of storing it or treating it as the value without it.
[Collection(ApiCollection.Name)]
public sealed class TrailingNewlineTests(ApiFactory api) : IAsyncLifetime
{
    private const string Sku = "NL-SKU-A";

    // A valid value for each query parameter with a format; free text (customerId) and opaque cursors are not patterns.
    private static readonly Dictionary<string, string?> QueryValues = new()
    {
        ["status"] = null, // filled per endpoint below: a status the endpoint knows
        ["limit"] = "5",
        ["stuckForSeconds"] = "5",
        ["customerId"] = null,
        ["cursor"] = null,
        ["held"] = null, // a flag: "true\n" parses as true (whitespace around a bool is ignored) and nothing is stored
    };

    private static readonly Dictionary<string, string> StatusOf = new()
    {
        ["/api/v1/orders"] = "Pending",
        ["/api/v1/ops/sagas"] = "Failed",
        ["/api/v1/webhooks/{webhookId:guid}/deliveries"] = "Pending",
    };

    public async Task InitializeAsync()
    {
        await api.ResetAsync();
        await api.Operator().SetStockAsync(Sku, 10);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Given_each_pattern_field_When_its_value_ends_in_a_newline_Then_400_naming_it_and_nothing_is_written()
    {
        var storefront = api.Storefront();
        var operatorClient = api.Operator();
        var orderId = await storefront.PlaceConfirmedOrderAsync(operatorClient, "NL-SKU-B");
        var order = await storefront.GetJsonAsync($"/api/v1/orders/{orderId}");
        var webhook = await storefront.PostAsJsonAsync("/api/v1/webhooks", new { url = "http://127.0.0.1:9/hooks" });
        webhook.StatusCode.ShouldBe(System.Net.HttpStatusCode.Created);
        var ids = new Dictionary<string, string>
        {
            ["orderId"] = orderId.ToString(),
            ["paymentId"] = order.Text("paymentId")!,
            ["shipmentId"] = order.Text("shipmentId")!,
            ["webhookId"] = (await webhook.ReadJsonAsync()).Text("id")!,
        };

        var requests = BodyFields().Concat(RouteAndQueryValues(ids)).ToList();
        var client = api.CreateClient();
        await using var rows = await DatabaseRows.OpenAsync(api.ConnectionString);
        var baseline = await rows.WaitUntilQuietAsync();
        var failures = new List<string>();

        foreach (var request in requests)
        {
            using var response = await client.SendAsync(request.ToMessage());
            if (await Problems.CheckAsync(response, 400, request.ErrorKey) is { } problem)
            {
                failures.Add($"{request}: {problem}");
            }

            var after = await rows.SnapshotAsync();
            if (DatabaseRows.Difference(baseline, after) is { Length: > 0 } written)
            {
                failures.Add($"{request}: wrote rows ({written})");
                baseline = after;
            }
        }

        requests.Count.ShouldBeGreaterThanOrEqualTo(20);
        failures.ShouldBeEmpty(string.Join(Environment.NewLine, failures));
    }

    private static IEnumerable<RawRequest> BodyFields()
    {
        foreach (var (path, value) in new[] { ("lines[0].sku", "NL-SKU-A\n"), ("currency", "EUR\n"), ("shippingAddress.country", "GB\n"), ("payment.method", "card\n") })
        {
            var body = BadRequestTable.Valid(("NL-SKU-A", 1, 1m));
            JsonEdit.Set(body, path, value);
            yield return new RawRequest($"place order, {path} + \\n", HttpMethod.Post, "/api/v1/orders", ApiFactory.StorefrontKey, 400)
            {
                Body = JsonEdit.Bytes(body),
                ErrorKey = path,
            };
        }
    }

    // Every route value and query parameter of every /api endpoint the host maps, found from its endpoint table.
    private IEnumerable<RawRequest> RouteAndQueryValues(Dictionary<string, string> ids)
    {
        foreach (var endpoint in AppEndpoint.Api(api.Services))
        {
            var body = endpoint.ReadsBody
                ? Encoding.UTF8.GetBytes(new JsonObject(endpoint.BodyFields.Select(f => KeyValuePair.Create(f, (JsonNode?)(f == "onHand" ? 5 : "x")))).ToJsonString())
                : null;
            var request = new RawRequest(endpoint.ToString(), new HttpMethod(endpoint.Method), "", endpoint.ApiKey, 400)
            {
                Body = body,
                ContentType = body is null ? null : "application/json",
            };

            foreach (var parameter in endpoint.Endpoint.RoutePattern.Parameters.Select(p => p.Name))
            {
                var path = endpoint.PathWith(name => Uri.EscapeDataString(
                    (ids.GetValueOrDefault(name) ?? (endpoint.GuidParameters.Contains(name) ? Guid.NewGuid().ToString() : Sku)) + (name == parameter ? "\n" : "")));
                yield return request with { Name = $"{endpoint}, route value {parameter} + \\n", Path = path, ErrorKey = parameter };
            }

            foreach (var parameter in endpoint.QueryParameters)
            {
                QueryValues.ContainsKey(parameter).ShouldBeTrue($"{endpoint}: query parameter '{parameter}' is new; add a valid value for it to this table");
                var value = parameter == "status" ? StatusOf[endpoint.Pattern] : QueryValues[parameter];
                if (value is null)
                {
                    continue;
                }

                var path = endpoint.PathWith(name => ids.GetValueOrDefault(name) ?? Sku) + $"?{parameter}={Uri.EscapeDataString(value + "\n")}";
                yield return request with { Name = $"{endpoint}, query {parameter} + \\n", Path = path, ErrorKey = parameter };
            }
        }
    }
}
