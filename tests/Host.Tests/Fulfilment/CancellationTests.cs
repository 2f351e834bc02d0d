using System.Net;
using System.Net.Http.Json;
using OrderManagement.Host.Tests.Infrastructure;

namespace OrderManagement.Host.Tests.Fulfilment;

[Collection(ApiCollection.Name)]
public sealed class CancellationTests(ApiFactory api) : IAsyncLifetime
{
    private const string Sku = "CAP-BLACK";

    private readonly HttpClient _storefront = api.Storefront();
    private readonly HttpClient _operator = api.Operator();

    public async Task InitializeAsync()
    {
        await api.ResetAsync();
        await _operator.SetStockAsync(Sku, 20);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Given_a_confirmed_order_When_it_is_cancelled_Then_payment_is_voided_shipment_cancelled_and_stock_released()
    {
        var orderId = await PlaceConfirmedAsync();

        var response = await _storefront.CancelAsync(orderId, "changed my mind");

        response.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        (await response.ReadJsonAsync()).Text("orderId").ShouldBe(orderId.ToString());
        var cancelled = await _storefront.WaitForStatusAsync(orderId, "Cancelled");
        cancelled.Text("rejectionReason").ShouldBeNull();
        await _operator.AssertPaymentAsync(cancelled, "Voided");
        await _operator.AssertShipmentAsync(cancelled, "Cancelled");
        await _storefront.AssertStockAsync(Sku, onHand: 20, reserved: 0);
    }

    [Fact]
    public async Task Given_a_cancelled_order_When_it_is_cancelled_again_Then_the_answer_is_200_with_the_cancelled_order()
    {
        var orderId = await PlaceConfirmedAsync();
        (await _storefront.CancelAsync(orderId)).StatusCode.ShouldBe(HttpStatusCode.Accepted);
        await _storefront.WaitForStatusAsync(orderId, "Cancelled");

        var again = await _storefront.CancelAsync(orderId);

        again.StatusCode.ShouldBe(HttpStatusCode.OK);
        var body = await again.ReadJsonAsync();
        body.Text("orderId").ShouldBe(orderId.ToString());
        body.Status().ShouldBe("Cancelled");
        body.Text("paymentStatus").ShouldBe("Voided");
        body.Text("shipmentStatus").ShouldBe("Cancelled");
        await _storefront.AssertStockAsync(Sku, onHand: 20, reserved: 0);
    }

    [Fact]
    public async Task Given_a_shipped_order_When_it_is_cancelled_Then_409_and_the_order_stays_shipped()
    {
        var orderId = await PlaceConfirmedAsync();
        var shipmentId = await ShipAsync(orderId);

        var response = await _storefront.CancelAsync(orderId);

        await response.ShouldBeProblemAsync(HttpStatusCode.Conflict);
        var order = await _storefront.GetJsonAsync($"/api/v1/orders/{orderId}");
        order.Status().ShouldBe("Shipped");
        order.Text("shipmentId").ShouldBe(shipmentId);
        await _operator.AssertPaymentAsync(order, "Captured");
        await _storefront.AssertStockAsync(Sku, onHand: 19, reserved: 0);
    }

    [Fact]
    public async Task Given_a_delivered_order_When_it_is_cancelled_Then_409_and_the_order_stays_delivered()
    {
        var orderId = await PlaceConfirmedAsync();
        var shipmentId = await ShipAsync(orderId);
        (await _operator.PostAsync($"/api/v1/shipments/{shipmentId}/deliver", null)).StatusCode.ShouldBe(HttpStatusCode.Accepted);
        await _storefront.WaitForStatusAsync(orderId, "Delivered");

        var response = await _storefront.CancelAsync(orderId);

        await response.ShouldBeProblemAsync(HttpStatusCode.Conflict);
        var order = await _storefront.GetJsonAsync($"/api/v1/orders/{orderId}");
        order.Status().ShouldBe("Delivered");
        await _operator.AssertPaymentAsync(order, "Captured");
        await _storefront.AssertStockAsync(Sku, onHand: 19, reserved: 0);
    }

    [Fact]
    public async Task Given_a_rejected_order_When_it_is_cancelled_Then_409_and_the_order_stays_rejected()
    {
        var orderId = await _storefront.PlaceOrderAsync(OrderRequests.PlaceOrderBody("tok_declined", (Sku, 1, 12m)));
        await _storefront.WaitForStatusAsync(orderId, "Rejected");

        var response = await _storefront.CancelAsync(orderId);

        await response.ShouldBeProblemAsync(HttpStatusCode.Conflict);
        var order = await _storefront.GetJsonAsync($"/api/v1/orders/{orderId}");
        order.Status().ShouldBe("Rejected");
        order.Text("rejectionReason").ShouldBe("PaymentDeclined");
    }

    [Fact]
    public async Task Given_an_unknown_order_When_it_is_cancelled_Then_404()
    {
        var response = await _storefront.CancelAsync(Guid.NewGuid());

        await response.ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Given_an_order_just_placed_When_it_is_cancelled_while_pending_Then_it_ends_cancelled_holding_nothing()
    {
        var placed = await _storefront.PostAsJsonAsync("/api/v1/orders", OrderRequests.PlaceOrderBody("tok_visa", (Sku, 4, 12m)));
        placed.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var orderId = (await placed.ReadJsonAsync())["orderId"]!.GetValue<Guid>();

        var response = await _storefront.CancelAsync(orderId);

        response.StatusCode.ShouldBe(HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync());
        (await response.ReadJsonAsync()).Status().ShouldBeOneOf("Pending", "Confirmed");
        var cancelled = await _storefront.WaitForOutcomeAsync(orderId);
        cancelled.Status().ShouldBe("Cancelled");
        new[] { null, "Voided" }.ShouldContain(cancelled.Text("paymentStatus"));
        if (cancelled.Text("paymentId") is not null)
        {
            await _operator.AssertPaymentAsync(cancelled, "Voided");
        }

        new[] { null, "Cancelled" }.ShouldContain(cancelled.Text("shipmentStatus"));
        if (cancelled.Text("shipmentId") is not null)
        {
            await _operator.AssertShipmentAsync(cancelled, "Cancelled");
        }

        await _storefront.AssertStockAsync(Sku, onHand: 20, reserved: 0);
    }

    private async Task<Guid> PlaceConfirmedAsync()
    {
        var orderId = await _storefront.PlaceOrderAsync(OrderRequests.PlaceOrderBody("tok_visa", (Sku, 1, 12m)));
        await _storefront.WaitForStatusAsync(orderId, "Confirmed");
        return orderId;
    }

    private async Task<string> ShipAsync(Guid orderId)
    {
        var shipmentId = (await _storefront.GetJsonAsync($"/api/v1/orders/{orderId}")).Text("shipmentId")!;
        (await _operator.DispatchAsync(shipmentId)).StatusCode.ShouldBe(HttpStatusCode.Accepted);
        await _storefront.WaitForOrderAsync(orderId, o => o.Status() == "Shipped" && o.Text("paymentStatus") == "Captured", "shipped and captured");
        await _storefront.WaitForStockAsync(Sku, onHand: 19, reserved: 0);
        return shipmentId;
    }
}
