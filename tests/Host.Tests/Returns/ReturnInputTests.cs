using System.Net;
using System.Net.Http.Json;
using OrderManagement.Host.Tests.Infrastructure;
using static OrderManagement.Host.Tests.Returns.ReturnFlows;

namespace OrderManagement.Host.Tests.Returns;

// Bad return requests get a clear 4xx problem and change nothing.
[Collection(ApiCollection.Name)]
public sealed class ReturnInputTests(ApiFactory api) : IAsyncLifetime
{
    private readonly HttpClient _storefront = api.Storefront();
    private readonly HttpClient _operator = api.Operator();

    public Task InitializeAsync() => api.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Given_bad_return_requests_When_sent_Then_each_is_a_4xx_problem_naming_the_fault_and_no_return_exists()
    {
        var orderId = await DeliveredOrderAsync(_storefront, _operator);
        var path = $"/api/v1/orders/{orderId}/returns";

        var cases = new (object Body, string Field)[]
        {
            (new { lines = new[] { new { sku = Shirt, quantity = 1 } } }, "reason"),
            (new { reason = " ", lines = new[] { new { sku = Shirt, quantity = 1 } } }, "reason"),
            (new { reason = "too small" }, "lines"),
            (new { reason = "too small", lines = Array.Empty<object>() }, "lines"),
            (new { reason = "too small", lines = new[] { new { sku = Shirt, quantity = 0 } } }, "lines[0].quantity"),
            (new { reason = "too small", lines = new[] { new { sku = "NOT-ON-ORDER", quantity = 1 } } }, "lines[0].sku"),
            (new { reason = "too small", lines = new[] { new { sku = Shirt, quantity = 3 } } }, "lines[0].quantity"),
            (new { reason = "too small", lines = new[] { new { sku = Shirt, quantity = 1 }, new { sku = Shirt, quantity = 1 } } }, "lines"),
        };
        foreach (var (body, field) in cases)
        {
            using var response = await _storefront.PostAsJsonAsync(path, body);
            await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
            (await response.ReadJsonAsync())["errors"]!.AsObject().ContainsKey(field).ShouldBeTrue($"{field} in {await response.Content.ReadAsStringAsync()}");
        }

        await (await _storefront.RequestReturnAsync(Guid.NewGuid(), (Shirt, 1))).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        (await _storefront.GetJsonAsync(path))["items"]!.AsArray().ShouldBeEmpty();
    }

    [Fact]
    public async Task Given_an_order_not_yet_delivered_When_a_return_is_asked_Then_409_order_not_delivered()
    {
        await _operator.SetStockAsync(Shirt, Stocked);
        var orderId = await _storefront.PlaceOrderAsync(OrderRequests.PlaceOrderBody("tok_visa", (Shirt, 1, 10.00m)));
        await _storefront.WaitForStatusAsync(orderId, "Confirmed");

        using var response = await _storefront.RequestReturnAsync(orderId, (Shirt, 1));

        await response.ShouldBeProblemAsync(HttpStatusCode.Conflict);
        (await response.ReadJsonAsync()).Text("type")!.ShouldEndWith("/order-not-delivered");
    }

    [Fact]
    public async Task Given_bad_receives_When_sent_Then_each_is_a_4xx_problem_and_the_return_stays_Requested()
    {
        var orderId = await DeliveredOrderAsync(_storefront, _operator);
        var returnId = await _storefront.ReturnIdAsync(orderId, (Shirt, 1));
        var path = $"/api/v1/returns/{returnId}/receive";

        var cases = new (object Body, string Field)[]
        {
            (new { lines = new[] { new { sku = Shirt, quantity = 1 } } }, "lines[0].restock"),
            (new { lines = new[] { new { sku = Shirt, quantity = 2, restock = true } } }, "lines[0].quantity"),
            (new { lines = new[] { new { sku = Cap, quantity = 1, restock = true } } }, "lines[0].sku"),
            (new { lines = new[] { new { sku = Shirt, quantity = 0, restock = true } } }, "lines"),
            (new { lines = new[] { new { sku = Shirt, quantity = -1, restock = true } } }, "lines[0].quantity"),
        };
        foreach (var (body, field) in cases)
        {
            using var response = await _operator.PostAsJsonAsync(path, body);
            await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
            (await response.ReadJsonAsync())["errors"]!.AsObject().ContainsKey(field).ShouldBeTrue($"{field} in {await response.Content.ReadAsStringAsync()}");
        }

        (await _storefront.ReceiveAsync(returnId, (Shirt, 1, true))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        await (await _operator.PostAsJsonAsync($"/api/v1/returns/{returnId}/reject", new { reason = "" })).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        await (await _operator.ReceiveAsync(Guid.NewGuid(), (Shirt, 1, true))).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        (await _storefront.GetJsonAsync($"/api/v1/returns/{returnId}")).Text("status").ShouldBe("Requested");
        await _operator.AssertStockAsync(Shirt, Stocked - 2, 0);
    }
}
