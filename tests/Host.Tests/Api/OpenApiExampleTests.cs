using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using OrderManagement.Host.Tests.Api.Support;
using OrderManagement.Host.Tests.Infrastructure;

namespace OrderManagement.Host.Tests.Api;

// What Swagger UI offers a storefront developer must work as shown: examples pass our validation, match their
// schema and tell one consistent story; required fields are not nullable; every operation says what it does.
[Collection(ApiCollection.Name)]
public sealed class OpenApiExampleTests(ApiFactory api) : IAsyncLifetime
{
    private readonly HttpClient _storefront = api.Storefront();
    private readonly HttpClient _operator = api.Operator();

    public Task InitializeAsync() => api.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Given_each_request_example_When_sent_as_is_Then_it_passes_validation_and_succeeds()
    {
        var document = await DocumentAsync();
        var examples = OpenApiExamples.All(document).Where(e => e.Where.StartsWith("request", StringComparison.Ordinal)).ToDictionary(e => e.Operation);
        var withBody = OpenApiExamples.Operations(document).Where(o => o.Operation["requestBody"] is not null).Select(o => $"{o.Method} {o.Path}").ToList();
        withBody.ShouldBe(examples.Keys, ignoreOrder: true, "every operation with a request body has an example");

        var confirmed = await _storefront.PlaceConfirmedOrderAsync(_operator);
        var shipmentId = (await _storefront.GetJsonAsync($"/api/v1/orders/{confirmed}"))["shipmentId"]!.GetValue<Guid>();
        using var placed = await Send(_storefront, HttpMethod.Post, "/api/v1/orders", examples["post /api/v1/orders"].Body);
        var placedId = (await placed.JsonAsync())["orderId"]!.GetValue<Guid>();
        var linesToCancel = await _storefront.PlaceConfirmedOrderAsync(_operator);
        var sends = new (string Operation, HttpClient Client, string Path, HttpStatusCode Expected)[]
        {
            ("put /api/v1/inventory/{sku}", _operator, "/api/v1/inventory/TSHIRT-RED-M", HttpStatusCode.OK),
            ("post /api/v1/orders/{orderId}/cancel", _storefront, $"/api/v1/orders/{placedId}/cancel", HttpStatusCode.Accepted),
            ("post /api/v1/orders/{orderId}/lines/cancel", _storefront, $"/api/v1/orders/{linesToCancel}/lines/cancel", HttpStatusCode.Accepted),
            ("post /api/v1/orders/{orderId}/shipments", _operator, $"/api/v1/orders/{confirmed}/shipments", HttpStatusCode.Created),
            ("post /api/v1/shipments/{shipmentId}/dispatch", _operator, $"/api/v1/shipments/{shipmentId}/dispatch", HttpStatusCode.Accepted),
            // No saga has failed and nothing is dead-lettered here: the body passed validation when the answer is the
            // unknown id's 404 (a body we reject would be a 400).
            ("post /api/v1/ops/sagas/{orderId}/retry", _operator, $"/api/v1/ops/sagas/{Guid.NewGuid()}/retry", HttpStatusCode.NotFound),
            ("post /api/v1/ops/dead-letters/{id}/replay", _operator, $"/api/v1/ops/dead-letters/{Guid.NewGuid()}/replay", HttpStatusCode.NotFound),
            ("put /api/v1/ops/settings", _operator, "/api/v1/ops/settings", HttpStatusCode.OK),
            ("post /api/v1/webhooks", _storefront, "/api/v1/webhooks", HttpStatusCode.Created),
            // The order is not Delivered (409) and the returns do not exist (404): the bodies passed validation.
            ("post /api/v1/orders/{orderId}/returns", _storefront, $"/api/v1/orders/{confirmed}/returns", HttpStatusCode.Conflict),
            ("post /api/v1/returns/{returnId}/receive", _operator, $"/api/v1/returns/{Guid.NewGuid()}/receive", HttpStatusCode.NotFound),
            ("post /api/v1/returns/{returnId}/reject", _operator, $"/api/v1/returns/{Guid.NewGuid()}/reject", HttpStatusCode.NotFound),
            // Nothing is held for review here: the body passed validation when the answer is the 409 order-not-held.
            ("post /api/v1/orders/{orderId}/review/approve", _operator, $"/api/v1/orders/{confirmed}/review/approve", HttpStatusCode.Conflict),
            ("post /api/v1/orders/{orderId}/review/reject", _operator, $"/api/v1/orders/{confirmed}/review/reject", HttpStatusCode.Conflict),
        };
        sends.Select(s => s.Operation).Append("post /api/v1/orders").ShouldBe(examples.Keys, ignoreOrder: true, "a request example is not sent by this test");

        placed.StatusCode.ShouldBe(HttpStatusCode.Accepted, await placed.Content.ReadAsStringAsync());
        foreach (var (operation, client, path, expected) in sends)
        {
            using var response = await Send(client, HttpMethod.Parse(operation.Split(' ')[0].ToUpperInvariant()), path, examples[operation].Body);
            response.StatusCode.ShouldBe(expected, $"{operation}: {await response.Content.ReadAsStringAsync()}");
        }
    }

    [Fact]
    public async Task Given_each_example_in_the_document_When_checked_against_its_schema_and_the_order_rules_Then_none_is_wrong()
    {
        var document = await DocumentAsync();
        var examples = OpenApiExamples.All(document).ToList();

        examples.SelectMany(e => OpenApiExamples.SchemaErrors(document, e)).ShouldBeEmpty();
        examples.SelectMany(OpenApiExamples.OrderInconsistencies).ShouldBeEmpty();
        var successes = from o in OpenApiExamples.Operations(document)
                        from r in o.Operation["responses"]!.AsObject()
                        where r.Key.StartsWith('2') && r.Value?["content"]?["application/json"] is not null
                        select $"{o.Method} {o.Path} {r.Key}";
        successes.Where(s => !examples.Any(e => s == $"{e.Operation} {e.Where.Split(' ')[0]}")).ShouldBeEmpty("success bodies without an example");
    }

    // The problem examples are what the API really answers: each documented status, provoked on a real endpoint, has the
    // example's type and title, and so does an answer the framework makes itself (an unknown path, a wrong media type).
    [Fact]
    public async Task Given_each_documented_problem_When_provoked_Then_the_real_answer_has_the_examples_type_and_title()
    {
        var document = await DocumentAsync();
        var rejected = await _storefront.PlaceRejectedOrderAsync("cust-problems");
        var key = Guid.NewGuid().ToString();
        using (var first = await SendWithKey(key, OrderRequests.PlaceOrderBody("tok_visa", ("PROBLEM-SKU", 1, 5m))))
        {
            first.IsSuccessStatusCode.ShouldBeTrue();
        }

        var provoked = new (string Operation, string Status, Func<Task<HttpResponseMessage>> Send)[]
        {
            ("post /api/v1/orders", "400", () => _storefront.SendAsync(Json(HttpMethod.Post, "/api/v1/orders", "{\"customerId\":\"\"}"))),
            ("get /api/v1/orders/{orderId}", "401", () => api.CreateClient().GetAsync($"/api/v1/orders/{Guid.NewGuid()}")),
            ("put /api/v1/inventory/{sku}", "403", () => _storefront.SendAsync(Json(HttpMethod.Put, "/api/v1/inventory/PROBLEM-SKU", "{\"onHand\":1}"))),
            ("get /api/v1/orders/{orderId}", "404", () => _storefront.GetAsync($"/api/v1/orders/{Guid.NewGuid()}")),
            ("get /api/v1/orders/{orderId}", "404", () => _storefront.GetAsync("/api/v1/no-such-path")),
            ("get /api/v1/inventory/{sku}", "404", () => _operator.GetAsync("/api/v1/inventory/NO-SUCH-SKU")),
            ("post /api/v1/orders/{orderId}/cancel", "409", () => _storefront.SendAsync(Json(HttpMethod.Post, $"/api/v1/orders/{rejected}/cancel", "{}"))),
            ("post /api/v1/orders/{orderId}/review/approve", "409", () => _operator.SendAsync(Json(HttpMethod.Post, $"/api/v1/orders/{rejected}/review/approve", "{}"))),
            ("post /api/v1/orders/{orderId}/review/reject", "409", () => _operator.SendAsync(Json(HttpMethod.Post, $"/api/v1/orders/{rejected}/review/reject", "{\"reason\":\"x\"}"))),
            ("post /api/v1/orders/{orderId}/review/reject", "400", () => _operator.SendAsync(Json(HttpMethod.Post, $"/api/v1/orders/{rejected}/review/reject", "{}"))),
            ("post /api/v1/orders/{orderId}/review/approve", "404", () => _operator.SendAsync(Json(HttpMethod.Post, $"/api/v1/orders/{Guid.NewGuid()}/review/approve", "{}"))),
            ("post /api/v1/orders", "413", () => _storefront.SendAsync(Json(HttpMethod.Post, "/api/v1/orders", new string(' ', 300 * 1024) + "{}"))),
            ("post /api/v1/orders", "415", () => _storefront.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/api/v1/orders") { Content = new StringContent("{}", Encoding.UTF8, "text/plain") })),
            ("post /api/v1/orders", "415", () => _storefront.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/api/v1/orders") { Content = new StringContent("{}", Encoding.Latin1, "application/json") })),
            ("post /api/v1/orders", "422", () => SendWithKey(key, OrderRequests.PlaceOrderBody("tok_visa", ("PROBLEM-SKU", 2, 5m)))),
        };
        var failures = new List<string>();
        foreach (var (operation, status, send) in provoked)
        {
            var example = OpenApiExamples.All(document).SingleOrDefault(e => e.Operation == operation && e.Where == $"{status} application/problem+json");
            using var response = await send();
            var real = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
            if (example is null || ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture) != status
                || real["type"]?.GetValue<string>() != example.Body["type"]!.GetValue<string>() || real["title"]?.GetValue<string>() != example.Body["title"]!.GetValue<string>()
                || (status == "404" && operation.Contains("{sku}", StringComparison.Ordinal) && Shape(real) != Shape(example.Body)))
            {
                failures.Add($"{operation} {status}: documented {example?.Body.ToJsonString() ?? "nothing"}, answered {(int)response.StatusCode} {real.ToJsonString()}");
            }
        }

        failures.ShouldBeEmpty(string.Join(Environment.NewLine, failures));
    }

    // A detail with its quoted values blanked: "SKU 'X' was not found." and "SKU 'Y' was not found." have one shape.
    private static string Shape(JsonNode problem) => System.Text.RegularExpressions.Regex.Replace(problem["detail"]!.GetValue<string>(), "'[^']*'", "''");

    [Fact]
    public async Task Given_the_document_When_read_Then_every_request_body_but_the_cancel_and_the_review_approval_is_required_and_not_nullable()
    {
        var document = await DocumentAsync();

        OpenApiExamples.Operations(document)
            .Where(o => o.Operation["requestBody"] is not null && !o.Path.EndsWith("/cancel", StringComparison.Ordinal)
                && !o.Path.EndsWith("/review/approve", StringComparison.Ordinal))
            .Where(o => o.Operation["requestBody"]!["required"]?.GetValue<bool>() != true
                || o.Operation["requestBody"]!["content"]!.ToJsonString().Contains("\"null\"", StringComparison.Ordinal))
            .Select(o => $"{o.Method} {o.Path}")
            .ShouldBeEmpty();
    }

    private Task<HttpResponseMessage> SendWithKey(string key, object body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/orders") { Content = System.Net.Http.Json.JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", key);
        return _storefront.SendAsync(request);
    }

    private static HttpRequestMessage Json(HttpMethod method, string path, string body) =>
        new(method, path) { Content = new StringContent(body, Encoding.UTF8, "application/json") };

    [Theory]
    [InlineData("wrong type", "/quantity")]
    [InlineData("rejected while pending", "status Pending with rejectionReason \"OutOfStock\"")]
    public async Task Given_a_copy_of_the_document_with_a_broken_example_When_checked_Then_the_fault_is_reported(string fault, string reported)
    {
        var document = await DocumentAsync();
        var placed = document["paths"]!["/api/v1/orders"]!["post"]!["responses"]!["202"]!["content"]!["application/json"]!["example"]!;
        if (fault == "wrong type")
        {
            placed["lines"]![0]!["quantity"] = "2";
        }
        else
        {
            placed["rejectionReason"] = "OutOfStock";
        }

        var example = OpenApiExamples.All(document).Single(e => e.Operation == "post /api/v1/orders" && e.Where.StartsWith("202", StringComparison.Ordinal));
        var faults = fault == "wrong type" ? OpenApiExamples.SchemaErrors(document, example) : OpenApiExamples.OrderInconsistencies(example);

        faults.ShouldContain(f => f.Contains(reported, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Given_the_request_schemas_When_read_Then_no_required_field_admits_null()
    {
        OpenApiExamples.NullableRequiredRequestFields(await DocumentAsync()).ShouldBeEmpty();
    }

    [Fact]
    public async Task Given_the_document_When_read_Then_every_operation_has_a_summary()
    {
        OpenApiExamples.Operations(await DocumentAsync())
            .Where(o => string.IsNullOrWhiteSpace(o.Operation["summary"]?.GetValue<string>()))
            .Select(o => $"{o.Method} {o.Path}")
            .ShouldBeEmpty();
    }

    private static Task<HttpResponseMessage> Send(HttpClient client, HttpMethod method, string path, JsonNode body) =>
        client.SendAsync(new HttpRequestMessage(method, path) { Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json") });

    private async Task<JsonObject> DocumentAsync()
    {
        using var response = await api.CreateClient().GetAsync("/openapi/v1.json");
        response.EnsureSuccessStatusCode();
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
    }
}
