using OrderManagement.Host.Tests.Infrastructure;

namespace OrderManagement.Host.Tests.Fulfilment;

[Collection(ApiCollection.Name)]
public sealed class OutOfStockTests(ApiFactory api) : IAsyncLifetime
{
    private readonly HttpClient _storefront = api.Storefront();
    private readonly HttpClient _operator = api.Operator();

    public Task InitializeAsync() => api.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Given_an_unknown_sku_When_the_order_is_placed_Then_it_is_rejected_out_of_stock_without_payment_or_shipment()
    {
        var orderId = await _storefront.PlaceOrderAsync(OrderRequests.PlaceOrderBody("tok_visa", ("NO-SUCH-SKU", 1, 5m)));

        var rejected = await _storefront.WaitForOutcomeAsync(orderId);

        AssertRejectedOutOfStock(rejected);
    }

    [Fact]
    public async Task Given_too_little_stock_When_the_order_is_placed_Then_it_is_rejected_out_of_stock_and_holds_nothing()
    {
        await _operator.SetStockAsync("MUG-BLUE", 3);

        var orderId = await _storefront.PlaceOrderAsync(OrderRequests.PlaceOrderBody("tok_visa", ("MUG-BLUE", 4, 7.50m)));
        var rejected = await _storefront.WaitForOutcomeAsync(orderId);

        AssertRejectedOutOfStock(rejected);
        await _storefront.AssertStockAsync("MUG-BLUE", onHand: 3, reserved: 0);
    }

    [Fact]
    public async Task Given_one_line_of_a_multi_line_order_cannot_be_had_When_the_order_is_placed_Then_no_line_holds_stock()
    {
        await _operator.SetStockAsync("A-PLENTY", 50);
        await _operator.SetStockAsync("B-PLENTY", 50);
        await _operator.SetStockAsync("C-SCARCE", 1);

        var orderId = await _storefront.PlaceOrderAsync(OrderRequests.PlaceOrderBody("tok_visa",
            ("A-PLENTY", 5, 1m), ("B-PLENTY", 5, 1m), ("C-SCARCE", 2, 1m)));
        var rejected = await _storefront.WaitForOutcomeAsync(orderId);

        AssertRejectedOutOfStock(rejected);
        await _storefront.AssertStockAsync("A-PLENTY", onHand: 50, reserved: 0);
        await _storefront.AssertStockAsync("B-PLENTY", onHand: 50, reserved: 0);
        await _storefront.AssertStockAsync("C-SCARCE", onHand: 1, reserved: 0);
    }

    [Fact]
    public async Task Given_a_line_with_an_unknown_sku_among_known_ones_When_the_order_is_placed_Then_the_known_lines_hold_nothing()
    {
        await _operator.SetStockAsync("A-PLENTY", 50);
        await _operator.SetStockAsync("Z-PLENTY", 50);

        var orderId = await _storefront.PlaceOrderAsync(OrderRequests.PlaceOrderBody("tok_visa",
            ("A-PLENTY", 2, 1m), ("M-UNKNOWN", 1, 1m), ("Z-PLENTY", 2, 1m)));
        var rejected = await _storefront.WaitForOutcomeAsync(orderId);

        AssertRejectedOutOfStock(rejected);
        await _storefront.AssertStockAsync("A-PLENTY", onHand: 50, reserved: 0);
        await _storefront.AssertStockAsync("Z-PLENTY", onHand: 50, reserved: 0);
    }

    private static void AssertRejectedOutOfStock(System.Text.Json.Nodes.JsonObject order)
    {
        order.Status().ShouldBe("Rejected");
        order.Text("rejectionReason").ShouldBe("OutOfStock");
        order.ContainsKey("paymentStatus").ShouldBeTrue();
        order.Text("paymentStatus").ShouldBeNull();
        order.Text("paymentId").ShouldBeNull();
        order.ContainsKey("shipmentStatus").ShouldBeTrue();
        order.Text("shipmentStatus").ShouldBeNull();
        order.Text("shipmentId").ShouldBeNull();
    }
}
