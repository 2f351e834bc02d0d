using OrderManagement.Inventory.Contracts;

namespace OrderManagement.Inventory.Tests;

public sealed class InventoryHistoryTests(InventoryModuleFixture fixture) : InventoryTest(fixture)
{
    [Fact]
    public async Task Given_a_reservation_When_it_is_released_Then_the_history_shows_reserved_then_released()
    {
        var orderId = Guid.NewGuid();
        await SetStockAsync("SKU-A", 10);
        await SetStockAsync("SKU-B", 10);
        await ReserveAsync(orderId, ("SKU-B", 1), ("SKU-A", 2));

        await ReleaseAsync(orderId);

        var history = await HistoryOfAsync(orderId);
        history.Select(h => (h.Event, h.FromState, h.ToState)).ShouldBe(
        [
            ("StockReserved", null, "Reserved"),
            ("StockReleased", "Reserved", "Released"),
        ]);
        history[0].Detail.ShouldBe("2 x SKU-A, 1 x SKU-B");
        history[1].OccurredAt.ShouldBeGreaterThanOrEqualTo(history[0].OccurredAt);
    }

    [Fact]
    public async Task Given_a_reservation_When_it_is_committed_Then_the_history_shows_reserved_then_committed()
    {
        var orderId = Guid.NewGuid();
        await SetStockAsync("SKU-A", 10);
        await ReserveAsync(orderId, ("SKU-A", 2));

        await CommitAsync(orderId);

        (await HistoryOfAsync(orderId)).Select(h => (h.Event, h.FromState, h.ToState)).ShouldBe(
        [
            ("StockReserved", null, "Reserved"),
            ("StockCommitted", "Reserved", "Committed"),
        ]);
    }

    [Fact]
    public async Task Given_too_little_stock_When_stock_is_reserved_Then_the_history_records_the_rejection_and_its_reason()
    {
        var orderId = Guid.NewGuid();
        await SetStockAsync("SKU-A", 1);

        await ReserveAsync(orderId, ("SKU-A", 2));

        var entry = (await HistoryOfAsync(orderId)).ShouldHaveSingleItem();
        entry.Event.ShouldBe("StockReservationRejected");
        entry.Detail.ShouldBe("Not enough stock for 'SKU-A': 2 requested, 1 available.");
    }

    [Fact]
    public async Task Given_two_orders_When_the_history_of_one_is_read_Then_it_holds_only_that_orders_entries()
    {
        var orderId = Guid.NewGuid();
        var other = Guid.NewGuid();
        await SetStockAsync("SKU-A", 10);
        await ReserveAsync(orderId, ("SKU-A", 1));
        await ReserveAsync(other, ("SKU-A", 1));

        await ReleaseAsync(other);

        (await HistoryOfAsync(orderId)).ShouldHaveSingleItem().Event.ShouldBe("StockReserved");
        (await HistoryOfAsync(other)).Count.ShouldBe(2);
    }
}
