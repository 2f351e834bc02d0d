using OrderManagement.Inventory.Contracts;
using OrderManagement.TestKit;

namespace OrderManagement.Inventory.Tests;

// At-least-once delivery and a saga that may ask twice must never hold an order's stock twice.
public sealed class ReserveStockRepeatTests(InventoryModuleFixture fixture) : InventoryTest(fixture)
{
    [Fact]
    public async Task Given_a_handled_ReserveStock_When_the_same_message_is_delivered_again_Then_it_has_no_second_effect()
    {
        var orderId = Guid.NewGuid();
        var messageId = Guid.NewGuid();
        await SetStockAsync("SKU-A", 10);
        await ReserveAsync(orderId, messageId, ("SKU-A", 3));

        await ReserveAsync(orderId, messageId, ("SKU-A", 3));

        await Host.UntilOutboxesDrainedAsync();
        Host.Recorder.Received<StockReserved>().Count(m => m.OrderId == orderId).ShouldBe(1);
        (await ReservationsOfAsync(orderId)).Count.ShouldBe(1);
        (await StockOfAsync("SKU-A")).Reserved.ShouldBe(3);
        (await HistoryOfAsync(orderId)).Count.ShouldBe(1);
    }

    [Fact]
    public async Task Given_a_reserved_order_When_it_asks_again_with_a_new_message_Then_StockReserved_is_answered_again_without_reserving_twice()
    {
        var orderId = Guid.NewGuid();
        await SetStockAsync("SKU-A", 10);
        await ReserveAsync(orderId, ("SKU-A", 3));

        await ReserveAsync(orderId, ("SKU-A", 3));

        var answers = await UntilReceivedAsync<StockReserved>(m => m.OrderId == orderId, count: 2);
        answers.Select(a => a.ReservationId).Distinct().ShouldHaveSingleItem();
        (await ReservationsOfAsync(orderId)).ShouldHaveSingleItem().Id.ShouldBe(answers[0].ReservationId);
        (await StockOfAsync("SKU-A")).Reserved.ShouldBe(3);
    }

    [Fact]
    public async Task Given_a_released_order_When_it_asks_to_reserve_again_Then_it_is_rejected_and_nothing_is_held()
    {
        var orderId = Guid.NewGuid();
        await SetStockAsync("SKU-A", 10);
        await ReserveAsync(orderId, ("SKU-A", 3));
        await ReleaseAsync(orderId);

        await ReserveAsync(orderId, ("SKU-A", 3));

        await UntilReceivedAsync<StockReservationRejected>(m => m.OrderId == orderId);
        (await StockOfAsync("SKU-A")).Reserved.ShouldBe(0);
    }
}
