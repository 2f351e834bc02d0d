using System.Net;
using System.Net.Http.Json;
using OrderManagement.Host.Tests.Infrastructure;

namespace OrderManagement.Host.Tests.Fulfilment;

[Collection(ApiCollection.Name)]
public sealed class CancellationTests(ApiFactory api) : StockedApiTests(api, "CAP-BLACK", 20)
{
    [Fact]
    public async Task Given_a_confirmed_order_When_it_is_cancelled_Then_payment_is_voided_shipment_cancelled_and_stock_released()
    {
        var orderId = await PlaceConfirmedAsync();

        var response = await Storefront.CancelAsync(orderId, "changed my mind");

        response.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        (await response.ReadJsonAsync()).Text("orderId").ShouldBe(orderId.ToString());
        var cancelled = await Storefront.WaitForStatusAsync(orderId, "Cancelled");
        cancelled.Text("rejectionReason").ShouldBeNull();
        await Operator.AssertPaymentAsync(cancelled, "Voided");
        await Operator.AssertShipmentAsync(cancelled, "Cancelled");
        await Storefront.AssertStockAsync(Sku, onHand: 20, reserved: 0);
    }

    [Fact]
    public async Task Given_a_cancelled_order_When_it_is_cancelled_again_Then_the_answer_is_200_with_the_cancelled_order()
    {
        var orderId = await PlaceConfirmedAsync();
        (await Storefront.CancelAsync(orderId)).StatusCode.ShouldBe(HttpStatusCode.Accepted);
        await Storefront.WaitForStatusAsync(orderId, "Cancelled");

        var again = await Storefront.CancelAsync(orderId);

        again.StatusCode.ShouldBe(HttpStatusCode.OK);
        var body = await again.ReadJsonAsync();
        body.Text("orderId").ShouldBe(orderId.ToString());
        body.Status().ShouldBe("Cancelled");
        body.Text("paymentStatus").ShouldBe("Voided");
        body.Text("shipmentStatus").ShouldBe("Cancelled");
        await Storefront.AssertStockAsync(Sku, onHand: 20, reserved: 0);
    }

    [Fact]
    public async Task Given_a_shipped_order_When_it_is_cancelled_Then_409_and_the_order_stays_shipped()
    {
        var orderId = await PlaceConfirmedAsync();
        var shipmentId = await ShipAsync(orderId);

        var response = await Storefront.CancelAsync(orderId);

        await response.ShouldBeProblemAsync(HttpStatusCode.Conflict);
        var order = await Storefront.GetJsonAsync($"/api/v1/orders/{orderId}");
        order.Status().ShouldBe("Shipped");
        order.Text("shipmentId").ShouldBe(shipmentId);
        await Operator.AssertPaymentAsync(order, "Captured");
        await Storefront.AssertStockAsync(Sku, onHand: 19, reserved: 0);
    }

    [Fact]
    public async Task Given_a_delivered_order_When_it_is_cancelled_Then_409_and_the_order_stays_delivered()
    {
        var orderId = await PlaceConfirmedAsync();
        var shipmentId = await ShipAsync(orderId);
        (await Operator.PostAsync($"/api/v1/shipments/{shipmentId}/deliver", null)).StatusCode.ShouldBe(HttpStatusCode.Accepted);
        await Storefront.WaitForStatusAsync(orderId, "Delivered");

        var response = await Storefront.CancelAsync(orderId);

        await response.ShouldBeProblemAsync(HttpStatusCode.Conflict);
        var order = await Storefront.GetJsonAsync($"/api/v1/orders/{orderId}");
        order.Status().ShouldBe("Delivered");
        await Operator.AssertPaymentAsync(order, "Captured");
        await Storefront.AssertStockAsync(Sku, onHand: 19, reserved: 0);
    }

    [Fact]
    public async Task Given_a_rejected_order_When_it_is_cancelled_Then_409_and_the_order_stays_rejected()
    {
        var orderId = await Storefront.PlaceOrderAsync(OrderRequests.PlaceOrderBody("tok_declined", (Sku, 1, 12m)));
        await Storefront.WaitForStatusAsync(orderId, "Rejected");

        var response = await Storefront.CancelAsync(orderId);

        await response.ShouldBeProblemAsync(HttpStatusCode.Conflict);
        var order = await Storefront.GetJsonAsync($"/api/v1/orders/{orderId}");
        order.Status().ShouldBe("Rejected");
        order.Text("rejectionReason").ShouldBe("PaymentDeclined");
    }

    [Fact]
    public async Task Given_an_unknown_order_When_it_is_cancelled_Then_404()
    {
        var response = await Storefront.CancelAsync(Guid.NewGuid());

        await response.ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Given_an_order_just_placed_When_it_is_cancelled_while_pending_Then_it_ends_cancelled_holding_nothing()
    {
        var placed = await Storefront.PostAsJsonAsync("/api/v1/orders", OrderRequests.PlaceOrderBody("tok_visa", (Sku, 4, 12m)));
        placed.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var orderId = (await placed.ReadJsonAsync())["orderId"]!.GetValue<Guid>();

        var response = await Storefront.CancelAsync(orderId);

        response.StatusCode.ShouldBe(HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync());
        (await response.ReadJsonAsync()).Status().ShouldBeOneOf("Pending", "Confirmed");
        var cancelled = await Storefront.WaitForOutcomeAsync(orderId);
        cancelled.Status().ShouldBe("Cancelled");
        new[] { null, "Voided" }.ShouldContain(cancelled.Text("paymentStatus"));
        if (cancelled.Text("paymentId") is not null)
        {
            await Operator.AssertPaymentAsync(cancelled, "Voided");
        }

        new[] { null, "Cancelled" }.ShouldContain(cancelled.Text("shipmentStatus"));
        if (cancelled.Text("shipmentId") is not null)
        {
            await Operator.AssertShipmentAsync(cancelled, "Cancelled");
        }

        await Storefront.AssertStockAsync(Sku, onHand: 20, reserved: 0);
    }

    private async Task<Guid> PlaceConfirmedAsync()
    {
        var orderId = await Storefront.PlaceOrderAsync(OrderRequests.PlaceOrderBody("tok_visa", (Sku, 1, 12m)));
        await Storefront.WaitForStatusAsync(orderId, "Confirmed");
        return orderId;
    }

    private async Task<string> ShipAsync(Guid orderId)
    {
        var shipmentId = (await Storefront.GetJsonAsync($"/api/v1/orders/{orderId}")).Text("shipmentId")!;
        (await Operator.DispatchAsync(shipmentId)).StatusCode.ShouldBe(HttpStatusCode.Accepted);
        await Storefront.WaitForOrderAsync(orderId, o => o.Status() == "Shipped" && o.Text("paymentStatus") == "Captured", "shipped and captured");
        await Storefront.WaitForStockAsync(Sku, onHand: 19, reserved: 0);
        return shipmentId;
    }
}
