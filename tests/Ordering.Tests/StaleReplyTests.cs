using OrderManagement.Inventory.Contracts;
using OrderManagement.Ordering.Fulfilment;
using OrderManagement.Payments.Contracts;
using OrderManagement.Shipping.Contracts;

namespace OrderManagement.Ordering.Tests;

public sealed class StaleReplyTests(OrderingModuleFixture fixture) : OrderingTest(fixture)
{
    [Fact]
    public async Task Given_a_saga_waiting_for_payment_When_StockReserved_arrives_again_Then_nothing_changes()
    {
        var orderId = await PlacedOrderAsync();
        await StockReservedAsync(orderId);
        var saga = await SagaAsync(orderId);
        var order = await OrderAsync(orderId);

        await StockReservedAsync(orderId);

        (await SagaAsync(orderId)).ShouldBe(saga);
        (await OrderAsync(orderId)).Version.ShouldBe(order.Version);
        (await AllSentAsync<AuthorizePayment>(m => m.OrderId == orderId)).Count.ShouldBe(1);
        var ignored = (await HistoryAsync(orderId)).Entries.Where(e => e.Event == "ReplyIgnored").ShouldHaveSingleItem();
        (ignored.FromState, ignored.ToState, ignored.Detail).ShouldBe(("Running", "Running",
            "StockReserved answers ReserveStock, but the saga is Running at AuthorizePayment; nothing to do."));
    }

    [Fact]
    public async Task Given_a_confirmed_order_When_an_earlier_step_is_answered_again_Then_nothing_changes()
    {
        var confirmed = await ConfirmedOrderAsync();
        var saga = await SagaAsync(confirmed.OrderId);
        var order = await OrderAsync(confirmed.OrderId);

        await ReplyAsync(new PaymentDeclined(confirmed.OrderId, confirmed.PaymentId, "Card declined."));
        await ReplyAsync(new StockReservationRejected(confirmed.OrderId, "Unknown SKU MUG-01."));
        await ReplyAsync(new ShipmentCreated(confirmed.OrderId, Guid.NewGuid()));

        (await SagaAsync(confirmed.OrderId)).ShouldBe(saga);
        (await OrderAsync(confirmed.OrderId)).Version.ShouldBe(order.Version);
        (await AllSentForAsync(confirmed.OrderId)).Count.ShouldBe(3);
        (await HistoryAsync(confirmed.OrderId)).Entries.Where(e => e.Event == "ReplyIgnored").Select(e => e.Detail!.Split(' ')[0])
            .ShouldBe(["PaymentDeclined", "StockReservationRejected", "ShipmentCreated"]);
    }

    [Fact]
    public async Task Given_a_compensated_saga_When_a_compensation_step_is_answered_again_Then_nothing_changes()
    {
        var orderId = await PlacedOrderAsync();
        await StockReservedAsync(orderId);
        await ReplyAsync(new PaymentDeclined(orderId, Guid.NewGuid(), "Card declined."));
        await ReplyAsync(new StockReleased(orderId));
        var order = await OrderAsync(orderId);

        await ReplyAsync(new StockReleased(orderId));

        (await OrderAsync(orderId)).Version.ShouldBe(order.Version);
        (await SagaAsync(orderId)).Status.ShouldBe(SagaStatus.Compensated);
    }

    [Fact]
    public async Task Given_a_handled_message_When_the_same_message_id_arrives_again_Then_it_is_not_handled_twice()
    {
        var shipped = await ShippedOrderAsync();
        var messageId = Guid.NewGuid();
        await ReplyAsync(new PaymentCaptured(shipped.OrderId, shipped.PaymentId), messageId);
        var captured = await OrderAsync(shipped.OrderId);

        await ReplyAsync(new PaymentCaptured(shipped.OrderId, shipped.PaymentId), messageId);

        (await OrderAsync(shipped.OrderId)).Version.ShouldBe(captured.Version);
    }
}
