using System.Net;
using System.Text.Json.Nodes;
using OrderManagement.Host.Tests.Infrastructure;
using OrderManagement.TestKit;

namespace OrderManagement.Host.Tests.Fulfilment;

// Shipping decides a race between cancel and dispatch; whichever wins, the order ends wholly one way.
[Collection(ApiCollection.Name)]
public sealed class CancelDispatchRaceTests(ApiFactory api) : IAsyncLifetime
{
    private const string Sku = "RACE-SKU";
    private const int Orders = 10;
    private const int StartingStock = 100;

    private readonly HttpClient _storefront = api.Storefront();
    private readonly HttpClient _operator = api.Operator();

    public async Task InitializeAsync()
    {
        await api.ResetAsync();
        await _operator.SetStockAsync(Sku, StartingStock);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Given_confirmed_orders_When_cancel_and_dispatch_race_Then_each_order_ends_wholly_cancelled_or_wholly_shipped()
    {
        var placed = await Task.WhenAll(Enumerable.Range(0, Orders)
            .Select(_ => _storefront.PlaceOrderAsync(OrderRequests.PlaceOrderBody("tok_visa", (Sku, 1, 9.99m)))));
        var confirmed = new List<JsonObject>();
        foreach (var orderId in placed)
        {
            confirmed.Add(await _storefront.WaitForStatusAsync(orderId, "Confirmed", TimeSpan.FromSeconds(30)));
        }

        var races = await Task.WhenAll(confirmed.Select(async order =>
        {
            var orderId = order["orderId"]!.GetValue<Guid>();
            var cancel = _storefront.CancelAsync(orderId);
            var dispatch = _operator.DispatchAsync(order.Text("shipmentId")!, $"TRK-{orderId:N}");
            await Task.WhenAll(cancel, dispatch);
            return (OrderId: orderId, Cancel: (await cancel).StatusCode, Dispatch: (await dispatch).StatusCode);
        }));

        var shipped = 0;
        foreach (var race in races)
        {
            var order = await _storefront.WaitForOrderAsync(race.OrderId,
                o => (o.Status() == "Cancelled") || (o.Status() == "Shipped" && o.Text("paymentStatus") == "Captured"),
                "to end cancelled, or shipped and captured", TimeSpan.FromSeconds(30));
            if (order.Status() == "Cancelled")
            {
                race.Cancel.ShouldBe(HttpStatusCode.Accepted, $"order {race.OrderId} was cancelled");
                race.Dispatch.ShouldBe(HttpStatusCode.Conflict, $"order {race.OrderId} was cancelled, so its dispatch must have lost");
                await _operator.AssertPaymentAsync(order, "Voided");
                await _operator.AssertShipmentAsync(order, "Cancelled");
            }
            else
            {
                shipped++;
                race.Dispatch.ShouldBe(HttpStatusCode.Accepted, $"order {race.OrderId} shipped");
                race.Cancel.ShouldBeOneOf(HttpStatusCode.Accepted, HttpStatusCode.Conflict);
                await _operator.AssertPaymentAsync(order, "Captured");
                await _operator.AssertShipmentAsync(order, "Dispatched");
                order.Text("trackingNumber").ShouldBe($"TRK-{race.OrderId:N}");
            }
        }

        await _storefront.WaitForStockAsync(Sku, onHand: StartingStock - shipped, reserved: 0);
        await Poller.UntilAsync(async () => (await _operator.GetJsonAsync("/api/v1/ops/sagas?status=Compensating"))["items"]!.AsArray().Count == 0
            && (await _operator.GetJsonAsync("/api/v1/ops/sagas?status=Running"))["items"]!.AsArray().Count == 0, "every saga to settle");
        foreach (var race in races)
        {
            var order = await _storefront.GetJsonAsync($"/api/v1/orders/{race.OrderId}");
            order.Status().ShouldBeOneOf("Cancelled", "Shipped");
        }
    }
}
