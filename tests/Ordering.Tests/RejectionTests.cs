using OrderManagement.Inventory.Contracts;
using OrderManagement.Ordering.Fulfilment;
using OrderManagement.Ordering.Operations;
using OrderManagement.Ordering.Orders;
using OrderManagement.Payments.Contracts;

namespace OrderManagement.Ordering.Tests;

public sealed class RejectionTests(OrderingModuleFixture fixture) : OrderingTest(fixture)
{
    [Fact]
    public async Task Given_a_placed_order_When_StockReservationRejected_arrives_Then_it_is_Rejected_OutOfStock_without_payment_or_shipment()
    {
        var orderId = await PlacedOrderAsync();

        await ReplyAsync(new StockReservationRejected(orderId, "Not enough TSHIRT-RED-M: 1 available, 2 requested."));

        var order = await OrderAsync(orderId);
        (order.Status, order.RejectionReason, order.PaymentStatus, order.ShipmentStatus).ShouldBe((OrderStatus.Rejected, RejectionReason.OutOfStock, null, null));
    }

    [Fact]
    public async Task Given_a_placed_order_When_StockReservationRejected_arrives_Then_nothing_is_compensated_and_the_saga_is_Compensated()
    {
        var orderId = await PlacedOrderAsync();

        await ReplyAsync(new StockReservationRejected(orderId, "Unknown SKU MUG-01."));

        var saga = await SagaAsync(orderId);
        (saga.Status, saga.CurrentStep, saga.NextAttemptAt).ShouldBe((SagaStatus.Compensated, null, null));
        (await AllSentForAsync(orderId)).ShouldBe([nameof(ReserveStock)]);
        (await PendingDeadlinesAsync(orderId)).ShouldBe(0);
    }

    [Fact]
    public async Task Given_reserved_stock_When_PaymentDeclined_arrives_Then_ReleaseStock_is_sent_and_the_order_stays_Pending()
    {
        var orderId = await PlacedOrderAsync();
        await StockReservedAsync(orderId);

        await ReplyAsync(new PaymentDeclined(orderId, Guid.NewGuid(), "Card declined."));

        await SentAsync<ReleaseStock>(m => m.OrderId == orderId);
        (await OrderAsync(orderId)).Status.ShouldBe(OrderStatus.Pending);
        var saga = await SagaAsync(orderId);
        (saga.Status, saga.CurrentStep).ShouldBe((SagaStatus.Compensating, SagaCurrentStep.ReleaseStock));
    }

    [Fact]
    public async Task Given_a_declined_payment_When_StockReleased_arrives_Then_the_order_is_Rejected_PaymentDeclined_and_no_void_is_sent()
    {
        var orderId = await PlacedOrderAsync();
        await StockReservedAsync(orderId);
        var paymentId = Guid.NewGuid();
        await ReplyAsync(new PaymentDeclined(orderId, paymentId, "Card declined."));

        await ReplyAsync(new StockReleased(orderId));

        var order = await OrderAsync(orderId);
        (order.Status, order.RejectionReason, order.PaymentId, order.PaymentStatus, order.ShipmentStatus)
            .ShouldBe((OrderStatus.Rejected, RejectionReason.PaymentDeclined, paymentId, PaymentStatus.Declined, null));
        (await SagaAsync(orderId)).Status.ShouldBe(SagaStatus.Compensated);
        (await AllSentForAsync(orderId)).ShouldBe([nameof(ReserveStock), nameof(AuthorizePayment), nameof(ReleaseStock)], ignoreOrder: true);
    }

    [Fact]
    public async Task Given_reserved_stock_When_PaymentFailed_arrives_Then_ReleaseStock_is_sent_and_the_order_stays_Pending()
    {
        var orderId = await PlacedOrderAsync();
        await StockReservedAsync(orderId);

        await ReplyAsync(new PaymentFailed(orderId, Guid.NewGuid(), "The provider did not answer in time."));

        await SentAsync<ReleaseStock>(m => m.OrderId == orderId);
        (await OrderAsync(orderId)).Status.ShouldBe(OrderStatus.Pending);
    }

    [Fact]
    public async Task Given_a_failed_payment_When_StockReleased_arrives_Then_the_order_is_Rejected_PaymentFailed()
    {
        var orderId = await PlacedOrderAsync();
        await StockReservedAsync(orderId);
        await ReplyAsync(new PaymentFailed(orderId, Guid.NewGuid(), "The provider did not answer in time."));

        await ReplyAsync(new StockReleased(orderId));

        var order = await OrderAsync(orderId);
        (order.Status, order.RejectionReason, order.PaymentStatus, order.ShipmentStatus).ShouldBe((OrderStatus.Rejected, RejectionReason.PaymentFailed, PaymentStatus.Failed, null));
        var saga = await SagaAsync(orderId);
        (saga.Status, saga.NextAttemptAt).ShouldBe((SagaStatus.Compensated, null));
        (await PendingDeadlinesAsync(orderId)).ShouldBe(0);
    }

    [Fact]
    public async Task Given_a_rejected_order_When_it_is_cancelled_Then_it_is_a_conflict_and_it_stays_Rejected()
    {
        var orderId = await PlacedOrderAsync();
        await ReplyAsync(new StockReservationRejected(orderId, "Unknown SKU MUG-01."));

        var conflict = await Should.ThrowAsync<BuildingBlocks.Domain.ConflictException>(() => CancelAsync(orderId));

        conflict.Code.ShouldBe("order-not-cancellable");
        (await OrderAsync(orderId)).Status.ShouldBe(OrderStatus.Rejected);
    }
}
