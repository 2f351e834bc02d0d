using System.Net;
using System.Text.Json.Nodes;
using OrderManagement.Host.Tests.Infrastructure;
using OrderManagement.Ordering.Contracts;

namespace OrderManagement.Host.Tests.Fulfilment;

// Whatever the contract accepts at the edge is carried to the end: the largest order its limits allow, built from
// the validator's own limits, goes all the way to Delivered with its total intact in every module.
[Collection(ApiCollection.Name)]
public sealed class LargestOrderTests(ApiFactory api) : IAsyncLifetime
{
    private readonly HttpClient _storefront = api.Storefront();
    private readonly HttpClient _operator = api.Operator();

    public Task InitializeAsync() => api.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Given_the_largest_order_the_contract_allows_When_it_is_placed_shipped_and_delivered_Then_it_is_Delivered_and_every_module_holds_its_total()
    {
        var skus = Enumerable.Range(0, PlaceOrderLimits.MaxLines)
            .Select(i => $"SKU-{i:D3}-".PadRight(PlaceOrderLimits.MaxSkuLength, 'X'))
            .ToList();
        foreach (var sku in skus)
        {
            await _operator.SetStockAsync(sku, PlaceOrderLimits.MaxQuantity);
        }

        var body = LargestBody(skus);
        var orderId = await _storefront.PlaceOrderAsync(body);

        var confirmed = await _storefront.WaitForOrderAsync(orderId, o => o.Status() != "Pending", "to leave Pending");
        confirmed.Status().ShouldBe("Confirmed", confirmed.ToJsonString());
        confirmed["total"]!.GetValue<decimal>().ShouldBe(PlaceOrderLimits.MaxTotal);
        var payment = await _operator.AssertPaymentAsync(confirmed, "Authorized");
        payment["amount"]!.GetValue<decimal>().ShouldBe(PlaceOrderLimits.MaxTotal);
        (await _operator.DispatchAsync(confirmed.Text("shipmentId")!)).StatusCode.ShouldBe(HttpStatusCode.Accepted);
        await _storefront.WaitForOrderAsync(orderId, o => o.Status() == "Shipped" && o.Text("paymentStatus") == "Captured", "shipped and captured");
        (await _operator.PostAsync($"/api/v1/shipments/{confirmed.Text("shipmentId")}/deliver", null)).StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var delivered = await _storefront.WaitForStatusAsync(orderId, "Delivered");

        delivered["total"]!.GetValue<decimal>().ShouldBe(PlaceOrderLimits.MaxTotal);
        delivered["customerId"]!.GetValue<string>().ShouldBe(body["customerId"]!.GetValue<string>());
        delivered["shippingAddress"]!.ToJsonString().ShouldBe(body["shippingAddress"]!.ToJsonString());
        await _operator.WaitForStockAsync(skus[^1], onHand: 0, reserved: 0);
    }

    // Every field at its largest: lines, quantities, prices, and text at its longest (the token must stay a
    // sandbox token that authorizes).
    private static JsonObject LargestBody(IReadOnlyList<string> skus)
    {
        var body = OrderRequests.PlaceOrderBody("tok_visa",
            [.. skus.Select(sku => (sku, PlaceOrderLimits.MaxQuantity, PlaceOrderLimits.MaxUnitPrice))]);
        body["customerId"] = new string('c', PlaceOrderLimits.MaxCustomerIdLength);
        body["shippingAddress"] = new JsonObject
        {
            ["name"] = new string('n', PlaceOrderLimits.MaxNameLength),
            ["line1"] = new string('a', PlaceOrderLimits.MaxAddressLineLength),
            ["line2"] = new string('b', PlaceOrderLimits.MaxAddressLineLength),
            ["city"] = new string('t', PlaceOrderLimits.MaxCityLength),
            ["postalCode"] = new string('9', PlaceOrderLimits.MaxPostalCodeLength),
            ["country"] = "GB",
        };
        return body;
    }
}
