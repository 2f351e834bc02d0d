using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using OrderManagement.Host.Tests.Infrastructure;
using OrderManagement.TestKit;

namespace OrderManagement.Host.Tests.Fulfilment;

// Partial shipments (issue 16 point 1, docs/adr/0019) through the real HTTP pipeline and modules: an operator carves
// units out of a confirmed order into shipments of their own; each dispatch captures its lines' money and commits its
// stock, the order is Shipped once every unit has left and Delivered once every shipment is delivered.
[Collection(ApiCollection.Name)]
public sealed class PartialShipmentTests(ApiFactory api) : IAsyncLifetime
{
    private readonly HttpClient _storefront = api.Storefront();
    private readonly HttpClient _operator = api.Operator();

    public async Task InitializeAsync()
    {
        await api.ResetAsync();
        foreach (var sku in new[] { "PS-SHIRT", "PS-MUG", "PS-SOCKS" })
        {
            await _operator.SetStockAsync(sku, 10);
        }
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Given_a_three_line_order_When_it_ships_in_two_parcels_Then_captures_sum_to_the_total_stock_leaves_per_parcel_and_it_is_Shipped_then_Delivered()
    {
        var (orderId, remainderId) = await ConfirmedOrderAsync(("PS-SHIRT", 2, 10.00m), ("PS-MUG", 1, 5.50m), ("PS-SOCKS", 3, 1.25m));

        var created = await SplitAsync(orderId, ("PS-SHIRT", 1), ("PS-SOCKS", 3));
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var parcel = await created.ReadJsonAsync();
        var parcelId = parcel.Text("shipmentId")!;
        created.Headers.Location!.ToString().ShouldBe($"/api/v1/shipments/{parcelId}");
        parcel.Text("status").ShouldBe("ReadyToShip");
        var listed = await _storefront.WaitForOrderAsync(orderId, o => ShipmentOf(o, parcelId) is not null, "to list the parcel");
        ShipmentOf(listed, parcelId)!.Text("status").ShouldBe("ReadyToShip");
        (await _operator.GetJsonAsync($"/api/v1/shipments/{remainderId}"))["lines"]!.AsArray().Select(l => (l!.Text("sku"), l!["quantity"]!.GetValue<int>()))
            .ShouldBe([("PS-SHIRT", 1), ("PS-MUG", 1)]);

        (await _operator.DispatchAsync(parcelId, "PARCEL-1")).StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var partly = await _storefront.WaitForOrderAsync(orderId, o => o.Text("paymentStatus") == "PartiallyCaptured", "the first parcel to be captured");
        partly.Status().ShouldBe("Confirmed");
        ShippedQuantities(partly).ShouldBe([("PS-SHIRT", 1), ("PS-MUG", 0), ("PS-SOCKS", 3)]);
        var payment = await _operator.GetJsonAsync($"/api/v1/payments/{partly.Text("paymentId")}");
        (payment.Text("status"), payment["capturedAmount"]!.GetValue<decimal>()).ShouldBe(("PartiallyCaptured", 13.75m));
        await _operator.WaitForStockAsync("PS-SOCKS", onHand: 7, reserved: 0);
        await _operator.AssertStockAsync("PS-SHIRT", onHand: 9, reserved: 1);
        await _operator.AssertStockAsync("PS-MUG", onHand: 10, reserved: 1);

        (await _operator.DispatchAsync(remainderId, "PARCEL-2")).StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var shipped = await _storefront.WaitForStatusAsync(orderId, "Shipped");
        ShippedQuantities(shipped).ShouldBe([("PS-SHIRT", 2), ("PS-MUG", 1), ("PS-SOCKS", 3)]);
        (shipped.Text("shipmentId"), shipped.Text("shipmentStatus"), shipped.Text("trackingNumber")).ShouldBe((remainderId, "Dispatched", "PARCEL-2"));
        var captured = await _storefront.WaitForOrderAsync(orderId, o => o.Text("paymentStatus") == "Captured", "the whole payment to be captured");
        var settled = await _operator.AssertPaymentAsync(captured, "Captured");
        settled["capturedAmount"]!.GetValue<decimal>().ShouldBe(29.25m);
        settled["captures"]!.AsArray().Select(c => (c!.Text("shipmentId"), c!["amount"]!.GetValue<decimal>(), c.Text("status")))
            .ShouldBe([(parcelId, 13.75m, "Captured"), (remainderId, 15.50m, "Captured")], ignoreOrder: true);
        await _operator.WaitForStockAsync("PS-SHIRT", onHand: 8, reserved: 0);
        await _operator.AssertStockAsync("PS-MUG", onHand: 9, reserved: 0);
        await _operator.AssertStockAsync("PS-SOCKS", onHand: 7, reserved: 0);

        (await _operator.PostAsync($"/api/v1/shipments/{parcelId}/deliver", null)).StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var oneDelivered = await _storefront.WaitForOrderAsync(orderId, o => ShipmentOf(o, parcelId)?.Text("status") == "Delivered", "the parcel to be delivered");
        oneDelivered.Status().ShouldBe("Shipped");
        (await _operator.PostAsync($"/api/v1/shipments/{remainderId}/deliver", null)).StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var delivered = await _storefront.WaitForStatusAsync(orderId, "Delivered");
        delivered.Text("shipmentStatus").ShouldBe("Delivered");

        var history = await _storefront.WaitForHistoryAsync(orderId, "OrderDelivered");
        history.Count(e => e.Text("event") == "OrderPartiallyShipped").ShouldBe(1);
        history.Count(e => e.Text("event") == "ShipmentDispatched").ShouldBe(2);
        history.Count(e => e.Text("event") == "OrderShipped").ShouldBe(1);
    }

    [Fact]
    public async Task Given_two_shipments_of_one_order_When_both_are_dispatched_at_once_Then_each_is_captured_exactly_once_and_stock_is_conserved()
    {
        var (orderId, remainderId) = await ConfirmedOrderAsync(("PS-SHIRT", 2, 10.00m), ("PS-MUG", 2, 5.50m));
        var parcelId = (await (await SplitAsync(orderId, ("PS-SHIRT", 1), ("PS-MUG", 2))).ReadJsonAsync()).Text("shipmentId")!;

        var dispatches = await Task.WhenAll(_operator.DispatchAsync(parcelId, "RACE-1"), _operator.DispatchAsync(remainderId, "RACE-2"));

        dispatches.Select(d => d.StatusCode).ShouldAllBe(s => s == HttpStatusCode.Accepted);
        await _storefront.WaitForStatusAsync(orderId, "Shipped");
        var captured = await _storefront.WaitForOrderAsync(orderId, o => o.Text("paymentStatus") == "Captured", "the payment to be captured");
        var payment = await _operator.AssertPaymentAsync(captured, "Captured");
        payment["capturedAmount"]!.GetValue<decimal>().ShouldBe(31.00m);
        payment["captures"]!.AsArray().Select(c => (c!.Text("shipmentId"), c!["amount"]!.GetValue<decimal>()))
            .ShouldBe([(parcelId, 21.00m), (remainderId, 10.00m)], ignoreOrder: true);
        await _operator.WaitForStockAsync("PS-SHIRT", onHand: 8, reserved: 0);
        await _operator.WaitForStockAsync("PS-MUG", onHand: 8, reserved: 0);

        // Dispatching either again changes nothing: the payment and the stock stay as they are.
        (await _operator.DispatchAsync(parcelId, "RACE-1")).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await _operator.GetJsonAsync($"/api/v1/payments/{captured.Text("paymentId")}"))["captures"]!.AsArray().Count.ShouldBe(2);
        await _operator.AssertStockAsync("PS-SHIRT", onHand: 8, reserved: 0);
    }

    [Fact]
    public async Task Given_a_confirmed_order_When_a_shipment_asks_for_too_many_units_or_an_unknown_sku_or_order_Then_4xx_and_nothing_changes()
    {
        var (orderId, remainderId) = await ConfirmedOrderAsync(("PS-SHIRT", 2, 10.00m), ("PS-MUG", 1, 5.50m));
        var before = await _storefront.GetJsonAsync($"/api/v1/orders/{orderId}");

        await (await SplitAsync(orderId, ("PS-SHIRT", 3))).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        await (await SplitAsync(orderId, ("PS-UNKNOWN", 1))).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await SplitAsync(Guid.NewGuid(), ("PS-SHIRT", 1))).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await _operator.PostAsJsonAsync($"/api/v1/orders/{orderId}/shipments", new { lines = Array.Empty<object>() })).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        await (await _operator.PostAsJsonAsync($"/api/v1/orders/{orderId}/shipments", new { lines = new[] { new { sku = "PS-SHIRT", quantity = 0 } } }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        (await _storefront.PostAsJsonAsync($"/api/v1/orders/{orderId}/shipments", new { lines = new[] { new { sku = "PS-SHIRT", quantity = 1 } } }))
            .StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        var after = await _storefront.GetJsonAsync($"/api/v1/orders/{orderId}");
        after["version"]!.GetValue<int>().ShouldBe(before["version"]!.GetValue<int>());
        after["shipments"]!.AsArray().ShouldBeEmpty();
        (await _operator.GetJsonAsync($"/api/v1/shipments/{remainderId}"))["lines"]!.AsArray().Count.ShouldBe(2);
    }

    [Fact]
    public async Task Given_a_cancelled_or_shipped_order_When_a_shipment_is_carved_out_Then_409_and_nothing_changes()
    {
        var (cancelledId, _) = await ConfirmedOrderAsync(("PS-SHIRT", 1, 10.00m));
        (await _storefront.CancelAsync(cancelledId)).StatusCode.ShouldBe(HttpStatusCode.Accepted);
        await _storefront.WaitForStatusAsync(cancelledId, "Cancelled");
        var (shippedId, shipmentId) = await ConfirmedOrderAsync(("PS-MUG", 1, 5.50m));
        (await _operator.DispatchAsync(shipmentId)).StatusCode.ShouldBe(HttpStatusCode.Accepted);
        await _storefront.WaitForStatusAsync(shippedId, "Shipped");

        var cancelled = await SplitAsync(cancelledId, ("PS-SHIRT", 1));
        var shipped = await SplitAsync(shippedId, ("PS-MUG", 1));

        await cancelled.ShouldBeProblemAsync(HttpStatusCode.Conflict);
        await shipped.ShouldBeProblemAsync(HttpStatusCode.Conflict);
        (await _storefront.GetJsonAsync($"/api/v1/orders/{cancelledId}"))["shipments"]!.AsArray().ShouldBeEmpty();
        await _operator.AssertStockAsync("PS-SHIRT", onHand: 10, reserved: 0);
    }

    private async Task<(Guid OrderId, string ShipmentId)> ConfirmedOrderAsync(params (string Sku, int Quantity, decimal UnitPrice)[] lines)
    {
        var orderId = await _storefront.PlaceOrderAsync(OrderRequests.PlaceOrderBody("tok_visa", lines));
        var confirmed = await _storefront.WaitForStatusAsync(orderId, "Confirmed");
        return (orderId, confirmed.Text("shipmentId")!);
    }

    private Task<HttpResponseMessage> SplitAsync(Guid orderId, params (string Sku, int Quantity)[] lines) =>
        _operator.PostAsJsonAsync($"/api/v1/orders/{orderId}/shipments", new { lines = lines.Select(l => new { sku = l.Sku, quantity = l.Quantity }) });

    private static JsonNode? ShipmentOf(JsonObject order, string shipmentId) =>
        order["shipments"]!.AsArray().FirstOrDefault(s => s!.Text("shipmentId") == shipmentId);

    private static List<(string?, int)> ShippedQuantities(JsonObject order) =>
        [.. order["lines"]!.AsArray().Select(l => (l!.Text("sku"), l!["shippedQuantity"]!.GetValue<int>()))];
}
