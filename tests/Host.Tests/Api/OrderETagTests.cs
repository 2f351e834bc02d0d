using System.Text.Json.Nodes;
using OrderManagement.Host.Tests.Api.Support;
using OrderManagement.Host.Tests.Infrastructure;

namespace OrderManagement.Host.Tests.Api;

// Polling with If-None-Match only works if every answer that carries an order also carries its tag.
[Collection(ApiCollection.Name)]
public sealed class OrderETagTests(ApiFactory api) : IAsyncLifetime
{
    private readonly HttpClient _storefront = api.Storefront();

    public Task InitializeAsync() => api.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Given_every_endpoint_that_answers_with_an_order_When_it_succeeds_Then_the_answer_carries_the_ETag_of_the_order_in_its_body()
    {
        var orderId = await _storefront.PlaceConfirmedOrderAsync(api.Operator());
        // A separate order: the line cancellation's outcome updates its order while later requests here would race it.
        var linesOrderId = await _storefront.PlaceConfirmedOrderAsync(api.Operator());
        var place = OrderRequests.PlaceOrderBody("tok_visa", ("NOT-STOCKED", 1, 5m));
        var answers = new List<(string Operation, HttpResponseMessage Response)>
        {
            ("post /api/v1/orders 202", await _storefront.SendAsync(ApiCalls.PlaceOrderRequest(place, "etag-place"))),
            ("post /api/v1/orders 202 replayed", await _storefront.SendAsync(ApiCalls.PlaceOrderRequest(place, "etag-place"))),
            ("get /api/v1/orders/{orderId} 200", await _storefront.GetAsync($"/api/v1/orders/{orderId}")),
            ("post /api/v1/orders/{orderId}/lines/cancel 202", await _storefront.SendAsync(CancelLineRequest(linesOrderId))),
            ("post /api/v1/orders/{orderId}/lines/cancel 202 replayed", await _storefront.SendAsync(CancelLineRequest(linesOrderId))),
            ("post /api/v1/orders/{orderId}/cancel 202", await _storefront.SendAsync(ApiCalls.CancelRequest(orderId, "etag", "etag-cancel"))),
            ("post /api/v1/orders/{orderId}/cancel 202 replayed", await _storefront.SendAsync(ApiCalls.CancelRequest(orderId, "etag", "etag-cancel"))),
        };
        await _storefront.WaitForStatusAsync(orderId, "Cancelled");
        answers.Add(("post /api/v1/orders/{orderId}/cancel 200", await _storefront.SendAsync(ApiCalls.CancelRequest(orderId, "etag"))));

        foreach (var (operation, response) in answers)
        {
            using (response)
            {
                ((int)response.StatusCode).ShouldBe(int.Parse(operation.Split(' ')[2], System.Globalization.CultureInfo.InvariantCulture), operation);
                var version = (await response.JsonAsync())["version"]!.GetValue<int>();
                (response.Headers.ETag?.ToString()).ShouldBe($"\"{version}\"", $"{operation} has no ETag of the order it returns");
            }
        }

        var covered = answers.Select(a => string.Join(' ', a.Operation.Split(' ').Take(3))).Concat(CheckedWhereTheOrderIsHeld).ToHashSet();
        (await OperationsReturningAnOrderAsync()).ShouldBeSubsetOf(covered, "an endpoint that returns an order is not in this test");
    }

    private static HttpRequestMessage CancelLineRequest(Guid orderId)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/orders/{orderId}/lines/cancel")
        {
            Content = System.Net.Http.Json.JsonContent.Create(new { lines = new[] { new { sku = "TSHIRT-RED-M", quantity = 1 } }, reason = "etag" }),
        };
        request.Headers.Add("Idempotency-Key", "etag-cancel-lines");
        return request;
    }

    // A review decision needs an order held for review, which this collection's settings never make: ReviewHoldTests
    // checks the ETag of these answers.
    private static readonly string[] CheckedWhereTheOrderIsHeld =
        ["post /api/v1/orders/{orderId}/review/approve 200", "post /api/v1/orders/{orderId}/review/reject 200"];

    // Every (method, path, 2xx status) whose documented body is an OrderView.
    private async Task<List<string>> OperationsReturningAnOrderAsync()
    {
        using var response = await api.CreateClient().GetAsync("/openapi/v1.json");
        var document = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        return (from path in document["paths"]!.AsObject()
                from operation in path.Value!.AsObject()
                from answer in operation.Value!["responses"]!.AsObject()
                where answer.Key.StartsWith('2')
                    && answer.Value?["content"]?["application/json"]?["schema"]?["$ref"]?.GetValue<string>() == "#/components/schemas/OrderView"
                select $"{operation.Key} {path.Key} {answer.Key}").ToList();
    }
}
