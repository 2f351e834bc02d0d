using OrderManagement.Inventory.Contracts;
using OrderManagement.TestKit;
using OrderManagement.Inventory.Reservations;

namespace OrderManagement.Inventory.Tests;

public sealed class ReserveStockTests(InventoryModuleFixture fixture) : InventoryTest(fixture)
{
    [Fact]
    public async Task Given_enough_stock_for_every_line_When_stock_is_reserved_Then_StockReserved_is_published_and_every_line_is_held()
    {
        var orderId = Guid.NewGuid();
        await SetStockAsync("SKU-A", 10);
        await SetStockAsync("SKU-B", 5);

        await ReserveAsync(orderId, ("SKU-B", 5), ("SKU-A", 3));

        var reserved = (await UntilReceivedAsync<StockReserved>(m => m.OrderId == orderId)).Single();
        var reservation = (await ReservationsOfAsync(orderId)).ShouldHaveSingleItem();
        reserved.ReservationId.ShouldBe(reservation.Id);
        reservation.Status.ShouldBe(ReservationStatus.Reserved);
        (await StockOfAsync("SKU-A")).ShouldBe(new(Sku: "SKU-A", OnHand: 10, Reserved: 3, Available: 7));
        (await StockOfAsync("SKU-B")).ShouldBe(new(Sku: "SKU-B", OnHand: 5, Reserved: 5, Available: 0));
    }

    [Fact]
    public async Task Given_an_unknown_sku_among_the_lines_When_stock_is_reserved_Then_it_is_rejected_and_no_line_is_held()
    {
        var orderId = Guid.NewGuid();
        await SetStockAsync("SKU-A", 10);
        await SetStockAsync("SKU-C", 10);

        await ReserveAsync(orderId, ("SKU-A", 2), ("SKU-B", 1), ("SKU-C", 2));

        var rejected = (await UntilReceivedAsync<StockReservationRejected>(m => m.OrderId == orderId)).Single();
        rejected.Reason.ShouldContain("Unknown SKU 'SKU-B'");
        await ShouldHoldNothingAsync(orderId, "SKU-A", "SKU-C");
    }

    [Fact]
    public async Task Given_too_little_stock_for_the_last_line_When_stock_is_reserved_Then_it_is_rejected_and_the_lines_taken_before_are_put_back()
    {
        var orderId = Guid.NewGuid();
        await SetStockAsync("SKU-A", 10);
        await SetStockAsync("SKU-B", 10);
        await SetStockAsync("SKU-C", 1);

        await ReserveAsync(orderId, ("SKU-A", 2), ("SKU-B", 10), ("SKU-C", 2));

        var rejected = (await UntilReceivedAsync<StockReservationRejected>(m => m.OrderId == orderId)).Single();
        rejected.Reason.ShouldContain("Not enough stock for 'SKU-C'");
        await ShouldHoldNothingAsync(orderId, "SKU-A", "SKU-B", "SKU-C");
    }

    [Fact]
    public async Task Given_stock_held_by_another_order_When_the_rest_is_not_enough_Then_it_is_rejected_and_the_other_order_keeps_its_units()
    {
        var first = Guid.NewGuid();
        var second = Guid.NewGuid();
        await SetStockAsync("SKU-A", 5);
        await ReserveAsync(first, ("SKU-A", 4));

        await ReserveAsync(second, ("SKU-A", 2));

        await UntilReceivedAsync<StockReservationRejected>(m => m.OrderId == second);
        (await ReservationsOfAsync(second)).ShouldBeEmpty();
        (await StockOfAsync("SKU-A")).ShouldBe(new(Sku: "SKU-A", OnHand: 5, Reserved: 4, Available: 1));
    }

    [Fact]
    public async Task Given_exactly_the_available_units_When_stock_is_reserved_Then_all_of_them_are_held()
    {
        var orderId = Guid.NewGuid();
        await SetStockAsync("SKU-A", 3);

        await ReserveAsync(orderId, ("SKU-A", 3));

        await UntilReceivedAsync<StockReserved>(m => m.OrderId == orderId);
        (await StockOfAsync("SKU-A")).Available.ShouldBe(0);
    }

    private async Task ShouldHoldNothingAsync(Guid orderId, params string[] skus)
    {
        await Host.UntilOutboxesDrainedAsync();
        Host.Recorder.Received<StockReserved>().ShouldNotContain(m => m.OrderId == orderId);
        (await ReservationsOfAsync(orderId)).ShouldBeEmpty();
        foreach (var sku in skus)
        {
            (await StockOfAsync(sku)).Reserved.ShouldBe(0, $"{sku} must hold nothing");
        }
    }
}
