using System.Net;
using System.Net.Http.Json;
using OrderManagement.Host.Tests.Infrastructure;
using OrderManagement.TestKit;

namespace OrderManagement.Host.Tests.Fulfilment;

[Collection(ApiCollection.Name)]
public sealed class HappyPathTests(ApiFactory api) : IAsyncLifetime
{
    private readonly HttpClient _storefront = api.Storefront();
    private readonly HttpClient _operator = api.Operator();

    public Task InitializeAsync() => api.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Given_stock_and_a_visa_card_When_the_order_is_placed_dispatched_and_delivered_Then_stock_and_payment_follow_each_step()
    {
        await _operator.SetStockAsync("TSHIRT-RED-M", 120);

        var orderId = await _storefront.PlaceOrderAsync(OrderRequests.PlaceOrderBody("tok_visa", ("TSHIRT-RED-M", 2, 19.99m)));
        var confirmed = await _storefront.WaitForStatusAsync(orderId, "Confirmed");

        confirmed.Text("paymentStatus").ShouldBe("Authorized");
        confirmed.Text("shipmentStatus").ShouldBe("ReadyToShip");
        confirmed["total"]!.GetValue<decimal>().ShouldBe(39.98m);
        await AssertStockAsync(onHand: 120, reserved: 2);

        var shipmentId = confirmed.Text("shipmentId");
        var dispatch = await _operator.PostAsJsonAsync($"/api/v1/shipments/{shipmentId}/dispatch", new { carrier = "DHL", trackingNumber = "JD014600006281" });
        dispatch.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var shipped = await _storefront.WaitForStatusAsync(orderId, "Shipped");
        shipped.Text("trackingNumber").ShouldBe("JD014600006281");
        await Poller.UntilAsync(async () => (await _storefront.GetJsonAsync($"/api/v1/orders/{orderId}")).Text("paymentStatus") == "Captured", "capture");
        await Poller.UntilAsync(async () => (await _storefront.GetJsonAsync("/api/v1/inventory/TSHIRT-RED-M"))["onHand"]!.GetValue<int>() == 118, "stock to leave on-hand");
        await AssertStockAsync(onHand: 118, reserved: 0);

        var deliver = await _operator.PostAsync($"/api/v1/shipments/{shipmentId}/deliver", null);
        deliver.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var delivered = await _storefront.WaitForStatusAsync(orderId, "Delivered");
        delivered.Text("shipmentStatus").ShouldBe("Delivered");
        await AssertStockAsync(onHand: 118, reserved: 0);
    }

    private async Task AssertStockAsync(int onHand, int reserved)
    {
        var stock = await _storefront.GetJsonAsync("/api/v1/inventory/TSHIRT-RED-M");
        stock["onHand"]!.GetValue<int>().ShouldBe(onHand);
        stock["reserved"]!.GetValue<int>().ShouldBe(reserved);
        stock["available"]!.GetValue<int>().ShouldBe(onHand - reserved);
    }
}
