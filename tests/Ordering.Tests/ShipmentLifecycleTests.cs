using OrderManagement.Inventory.Contracts;
using OrderManagement.Ordering.Orders;
using OrderManagement.Payments.Contracts;
using OrderManagement.Shipping.Contracts;

namespace OrderManagement.Ordering.Tests;

public sealed class ShipmentLifecycleTests(OrderingModuleFixture fixture) : OrderingTest(fixture)
{
    [Fact]
    public async Task Given_a_confirmed_order_When_ShipmentDispatched_arrives_Then_it_is_Shipped_with_the_tracking_number()
    {
        var confirmed = await ConfirmedOrderAsync();

        await ReplyAsync(new ShipmentDispatched(confirmed.OrderId, confirmed.ShipmentId, "DHL", "JD0146000012345"));

        var order = await OrderAsync(confirmed.OrderId);
        (order.Status, order.ShipmentStatus, order.TrackingNumber, order.PaymentStatus).ShouldBe((OrderStatus.Shipped, ShipmentStatus.Dispatched, "JD0146000012345", PaymentStatus.Authorized));
    }

    [Fact]
    public async Task Given_a_confirmed_order_When_ShipmentDispatched_arrives_Then_CapturePayment_and_CommitStock_are_sent()
    {
        var confirmed = await ConfirmedOrderAsync();

        await ReplyAsync(new ShipmentDispatched(confirmed.OrderId, confirmed.ShipmentId, "DHL", "JD0146000012345"));

        await SentAsync<CapturePayment>(m => m.OrderId == confirmed.OrderId);
        await SentAsync<CommitStock>(m => m.OrderId == confirmed.OrderId);
        (await AllSentForAsync(confirmed.OrderId)).Count.ShouldBe(5);
    }

    [Fact]
    public async Task Given_a_shipped_order_When_ShipmentDelivered_arrives_Then_it_is_Delivered()
    {
        var shipped = await ShippedOrderAsync();

        await ReplyAsync(new ShipmentDelivered(shipped.OrderId, shipped.ShipmentId));

        var order = await OrderAsync(shipped.OrderId);
        (order.Status, order.ShipmentStatus, order.TrackingNumber).ShouldBe((OrderStatus.Delivered, ShipmentStatus.Delivered, "JD0146000012345"));
    }

    [Fact]
    public async Task Given_a_shipped_order_When_PaymentCaptured_arrives_Then_the_payment_status_is_Captured()
    {
        var shipped = await ShippedOrderAsync();

        await ReplyAsync(new PaymentCaptured(shipped.OrderId, shipped.PaymentId));

        var order = await OrderAsync(shipped.OrderId);
        (order.Status, order.PaymentId, order.PaymentStatus).ShouldBe((OrderStatus.Shipped, shipped.PaymentId, PaymentStatus.Captured));
    }

    [Fact]
    public async Task Given_a_shipped_order_When_ShipmentDispatched_arrives_again_Then_nothing_is_captured_twice()
    {
        var shipped = await ShippedOrderAsync();
        var before = await OrderAsync(shipped.OrderId);

        await ReplyAsync(new ShipmentDispatched(shipped.OrderId, shipped.ShipmentId, "DHL", "JD0146000012345"));

        (await AllSentAsync<CapturePayment>(m => m.OrderId == shipped.OrderId)).Count.ShouldBe(1);
        (await OrderAsync(shipped.OrderId)).Version.ShouldBe(before.Version);
    }

    [Fact]
    public async Task Given_a_confirmed_order_When_ShipmentDelivered_arrives_before_the_dispatch_Then_it_stays_Confirmed()
    {
        var confirmed = await ConfirmedOrderAsync();

        await ReplyAsync(new ShipmentDelivered(confirmed.OrderId, confirmed.ShipmentId));

        (await OrderAsync(confirmed.OrderId)).Status.ShouldBe(OrderStatus.Confirmed);
    }
}
