using OrderManagement.Inventory.Contracts;
using OrderManagement.Inventory.Reservations;

namespace OrderManagement.Inventory.Tests;

public sealed class ReleaseStockTests(InventoryModuleFixture fixture) : InventoryTest(fixture)
{
    [Fact]
    public async Task Given_a_reserved_order_When_its_stock_is_released_Then_reserved_is_back_to_zero_and_StockReleased_is_published()
    {
        var orderId = Guid.NewGuid();
        await SetStockAsync("SKU-A", 10);
        await SetStockAsync("SKU-B", 4);
        await ReserveAsync(orderId, ("SKU-A", 3), ("SKU-B", 4));

        await ReleaseAsync(orderId);

        await UntilReceivedAsync<StockReleased>(m => m.OrderId == orderId);
        (await StockOfAsync("SKU-A")).ShouldBe(new(Sku: "SKU-A", OnHand: 10, Reserved: 0, Available: 10));
        (await StockOfAsync("SKU-B")).ShouldBe(new(Sku: "SKU-B", OnHand: 4, Reserved: 0, Available: 4));
        (await ReservationsOfAsync(orderId)).ShouldHaveSingleItem().Status.ShouldBe(ReservationStatus.Released);
    }

    [Fact]
    public async Task Given_an_order_without_a_reservation_When_its_stock_is_released_Then_StockReleased_is_still_published()
    {
        var orderId = Guid.NewGuid();

        await ReleaseAsync(orderId);

        await UntilReceivedAsync<StockReleased>(m => m.OrderId == orderId);
        (await ReservationsOfAsync(orderId)).ShouldHaveSingleItem().Status.ShouldBe(ReservationStatus.Released);
    }

    [Fact]
    public async Task Given_a_release_that_arrived_before_the_reservation_When_the_reservation_request_comes_late_Then_no_stock_is_reserved()
    {
        await SetStockAsync("SKU-LATE", 5);
        var orderId = Guid.NewGuid();
        await ReleaseAsync(orderId);

        await ReserveAsync(orderId, ("SKU-LATE", 2));

        await UntilReceivedAsync<StockReservationRejected>(m => m.OrderId == orderId);
        (await StockOfAsync("SKU-LATE")).Reserved.ShouldBe(0);
    }

    [Fact]
    public async Task Given_a_rejected_order_When_its_stock_is_released_Then_StockReleased_is_published_and_other_orders_keep_their_units()
    {
        var rejected = Guid.NewGuid();
        var holder = Guid.NewGuid();
        await SetStockAsync("SKU-A", 2);
        await ReserveAsync(holder, ("SKU-A", 2));
        await ReserveAsync(rejected, ("SKU-A", 1));

        await ReleaseAsync(rejected);

        await UntilReceivedAsync<StockReleased>(m => m.OrderId == rejected);
        (await StockOfAsync("SKU-A")).Reserved.ShouldBe(2);
    }

    [Fact]
    public async Task Given_a_released_order_When_it_is_released_again_Then_the_units_are_given_back_only_once()
    {
        var orderId = Guid.NewGuid();
        var other = Guid.NewGuid();
        await SetStockAsync("SKU-A", 10);
        await ReserveAsync(orderId, ("SKU-A", 3));
        await ReserveAsync(other, ("SKU-A", 5));
        await ReleaseAsync(orderId);

        await ReleaseAsync(orderId);

        await UntilReceivedAsync<StockReleased>(m => m.OrderId == orderId, count: 2);
        (await StockOfAsync("SKU-A")).Reserved.ShouldBe(5);
    }
}
