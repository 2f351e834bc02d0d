using OrderManagement.Inventory.Contracts;
using OrderManagement.Ordering.Fulfilment;
using OrderManagement.Ordering.Orders;
using OrderManagement.Payments.Contracts;
using OrderManagement.Shipping.Contracts;

namespace OrderManagement.Ordering.Tests;

// A cancellation that reaches Shipping after the shipment left: the order must ship, whatever it was when cancelled.
public sealed class LostCancellationTests(OrderingModuleFixture fixture) : OrderingTest(fixture)
{
    [Fact]
    public async Task Given_an_order_cancelled_while_its_shipment_was_being_created_When_the_shipment_had_already_left_Then_the_order_is_Confirmed_not_left_Pending()
    {
        var pending = await CancelledWhileCreatingShipmentAsync();

        await ReplyAsync(new ShipmentCancellationRefused(pending.OrderId, pending.ShipmentId, ShipmentStatus.Dispatched));

        var order = await OrderAsync(pending.OrderId);
        (order.Status, order.PaymentStatus, order.ShipmentId).ShouldBe((OrderStatus.Confirmed, PaymentStatus.Authorized, pending.ShipmentId));
        (await SagaAsync(pending.OrderId)).Status.ShouldBe(SagaStatus.Completed);
    }

    [Fact]
    public async Task Given_a_refused_cancellation_of_a_Pending_order_When_ShipmentDispatched_arrives_Then_the_order_is_Shipped_and_the_payment_captured()
    {
        var pending = await CancelledWhileCreatingShipmentAsync();
        await ReplyAsync(new ShipmentCancellationRefused(pending.OrderId, pending.ShipmentId, ShipmentStatus.Dispatched));

        await ReplyAsync(new ShipmentDispatched(pending.OrderId, pending.ShipmentId, "DHL", "JD0146000012345"));

        (await OrderAsync(pending.OrderId)).Status.ShouldBe(OrderStatus.Shipped);
        await SentAsync<CapturePayment>(m => m.OrderId == pending.OrderId);
        await SentAsync<CommitStock>(m => m.OrderId == pending.OrderId);
    }

    [Fact]
    public async Task Given_an_order_cancelled_while_its_shipment_was_being_created_When_ShipmentDispatched_arrives_before_the_refusal_Then_the_order_is_Shipped()
    {
        var pending = await CancelledWhileCreatingShipmentAsync();

        await ReplyAsync(new ShipmentDispatched(pending.OrderId, pending.ShipmentId, "DHL", "JD0146000012345"));
        await ReplyAsync(new ShipmentCancellationRefused(pending.OrderId, pending.ShipmentId, ShipmentStatus.Dispatched));

        var order = await OrderAsync(pending.OrderId);
        (order.Status, order.ShipmentStatus, order.TrackingNumber).ShouldBe((OrderStatus.Shipped, ShipmentStatus.Dispatched, "JD0146000012345"));
        await SentAsync<CapturePayment>(m => m.OrderId == pending.OrderId);
        await SentAsync<CommitStock>(m => m.OrderId == pending.OrderId);
        (await SagaAsync(pending.OrderId)).Status.ShouldBe(SagaStatus.Completed);
    }

    [Fact]
    public async Task Given_the_saga_waiting_for_its_shipment_When_ShipmentDispatched_overtakes_ShipmentCreated_Then_the_order_is_Shipped()
    {
        var orderId = await PlacedOrderAsync();
        await StockReservedAsync(orderId);
        await PaymentAuthorizedAsync(orderId);
        var shipmentId = Guid.NewGuid();

        await ReplyAsync(new ShipmentDispatched(orderId, shipmentId, "DHL", "JD0146000099999"));

        var order = await OrderAsync(orderId);
        (order.Status, order.ShipmentId, order.ShipmentStatus).ShouldBe((OrderStatus.Shipped, shipmentId, ShipmentStatus.Dispatched));
        (await SagaAsync(orderId)).Status.ShouldBe(SagaStatus.Completed);
        await SentAsync<CapturePayment>(m => m.OrderId == orderId);
    }

    // Cancelled after the payment was authorized, before ShipmentCreated arrived: the new shipment is to be cancelled.
    private async Task<OrderIds> CancelledWhileCreatingShipmentAsync()
    {
        var orderId = await PlacedOrderAsync();
        await StockReservedAsync(orderId);
        var paymentId = await PaymentAuthorizedAsync(orderId);
        await CancelAsync(orderId);
        var shipmentId = await ShipmentCreatedAsync(orderId);
        await SentAsync<CancelShipment>(m => m.OrderId == orderId);
        return new OrderIds(orderId, paymentId, shipmentId);
    }
}
