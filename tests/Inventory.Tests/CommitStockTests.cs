using OrderManagement.Inventory.Reservations;

namespace OrderManagement.Inventory.Tests;

public sealed class CommitStockTests(InventoryModuleFixture fixture) : InventoryTest(fixture)
{
    [Fact]
    public async Task Given_a_reserved_order_When_its_stock_is_committed_Then_on_hand_and_reserved_drop_by_its_units()
    {
        var orderId = Guid.NewGuid();
        var other = Guid.NewGuid();
        await SetStockAsync("SKU-A", 10);
        await SetStockAsync("SKU-B", 6);
        await ReserveAsync(orderId, ("SKU-A", 3), ("SKU-B", 1));
        await ReserveAsync(other, ("SKU-A", 2));

        await CommitAsync(orderId);

        (await StockOfAsync("SKU-A")).ShouldBe(new(Sku: "SKU-A", OnHand: 7, Reserved: 2, Available: 5));
        (await StockOfAsync("SKU-B")).ShouldBe(new(Sku: "SKU-B", OnHand: 5, Reserved: 0, Available: 5));
        (await ReservationsOfAsync(orderId)).ShouldHaveSingleItem().Status.ShouldBe(ReservationStatus.Committed);
    }

    [Fact]
    public async Task Given_a_committed_order_When_commit_is_asked_again_Then_the_units_leave_stock_only_once()
    {
        var orderId = Guid.NewGuid();
        await SetStockAsync("SKU-A", 10);
        await ReserveAsync(orderId, ("SKU-A", 3));
        await CommitAsync(orderId);

        await CommitAsync(orderId);

        (await StockOfAsync("SKU-A")).ShouldBe(new(Sku: "SKU-A", OnHand: 7, Reserved: 0, Available: 7));
    }

    [Fact]
    public async Task Given_a_committed_order_When_its_stock_is_released_Then_the_shipped_units_stay_shipped()
    {
        var orderId = Guid.NewGuid();
        await SetStockAsync("SKU-A", 10);
        await ReserveAsync(orderId, ("SKU-A", 3));
        await CommitAsync(orderId);

        await ReleaseAsync(orderId);

        (await StockOfAsync("SKU-A")).ShouldBe(new(Sku: "SKU-A", OnHand: 7, Reserved: 0, Available: 7));
    }
}
