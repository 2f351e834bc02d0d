using OrderManagement.BuildingBlocks.Domain;
using OrderManagement.Inventory.Contracts;
using OrderManagement.Inventory.Reservations;
using OrderManagement.Inventory.ReleaseStockLines;

namespace OrderManagement.Inventory.Tests;

// Line cancellations (docs/adr/0021): cancelled units go back to available stock, once per cancellation, never more
// than is reserved and not yet shipped.
public sealed class ReleaseStockLinesTests(InventoryModuleFixture fixture) : InventoryTest(fixture)
{
    [Fact]
    public async Task Given_a_reserved_order_When_some_units_are_released_Then_reserved_drops_onHand_stays_and_the_rest_commits_later()
    {
        var orderId = Guid.NewGuid();
        await SetStockAsync("SKU-A", 10);
        await SetStockAsync("SKU-B", 6);
        await ReserveAsync(orderId, ("SKU-A", 3), ("SKU-B", 2));

        await ReleaseLinesAsync(orderId, Guid.NewGuid(), ("SKU-B", 2), ("SKU-A", 1));

        (await StockOfAsync("SKU-A")).ShouldBe(new(Sku: "SKU-A", OnHand: 10, Reserved: 2, Available: 8));
        (await StockOfAsync("SKU-B")).ShouldBe(new(Sku: "SKU-B", OnHand: 6, Reserved: 0, Available: 6));
        var reservation = (await ReservationsOfAsync(orderId)).ShouldHaveSingleItem();
        reservation.Status.ShouldBe(ReservationStatus.Reserved);
        reservation.Lines.ShouldBe([new ReservationLine("SKU-A", 2), new ReservationLine("SKU-B", 0)], ignoreOrder: true);

        await CommitAsync(orderId);

        (await StockOfAsync("SKU-A")).ShouldBe(new(Sku: "SKU-A", OnHand: 8, Reserved: 0, Available: 8));
        (await StockOfAsync("SKU-B")).ShouldBe(new(Sku: "SKU-B", OnHand: 6, Reserved: 0, Available: 6));
        (await HistoryOfAsync(orderId)).Select(h => h.Event).ShouldBe(["StockReserved", "StockPartlyReleased", "StockCommitted"]);
    }

    [Fact]
    public async Task Given_a_release_When_it_is_delivered_again_or_sent_again_Then_its_units_go_back_once()
    {
        var orderId = Guid.NewGuid();
        var cancellation = Guid.NewGuid();
        await SetStockAsync("SKU-A", 10);
        await ReserveAsync(orderId, ("SKU-A", 3));
        await ReleaseLinesAsync(orderId, cancellation, ("SKU-A", 1));

        await ReleaseLinesAsync(orderId, cancellation, ("SKU-A", 1));
        await Host.SendAsync(new ReleaseStockLinesCommand(orderId, cancellation, [new ReservationLine("SKU-A", 1)]));

        (await StockOfAsync("SKU-A")).ShouldBe(new(Sku: "SKU-A", OnHand: 10, Reserved: 2, Available: 8));
    }

    [Fact]
    public async Task Given_units_already_committed_by_a_parcel_When_a_release_asks_for_them_Then_it_is_refused_and_nothing_changes()
    {
        var orderId = Guid.NewGuid();
        await SetStockAsync("SKU-A", 10);
        await ReserveAsync(orderId, ("SKU-A", 3));
        await Host.DeliverAsync(new Contracts.CommitStock(orderId, Guid.NewGuid(), [new StockLine("SKU-A", 2)]), InventoryModule.Name);

        var refused = await Should.ThrowAsync<ConflictException>(() =>
            Host.SendAsync(new ReleaseStockLinesCommand(orderId, Guid.NewGuid(), [new ReservationLine("SKU-A", 2)])));

        refused.Code.ShouldBe("release-exceeds-reservation");
        (await StockOfAsync("SKU-A")).ShouldBe(new(Sku: "SKU-A", OnHand: 8, Reserved: 1, Available: 7));
    }

    [Fact]
    public async Task Given_every_other_unit_already_shipped_When_the_last_reserved_units_are_released_Then_the_reservation_is_Committed()
    {
        var orderId = Guid.NewGuid();
        await SetStockAsync("SKU-A", 10);
        await ReserveAsync(orderId, ("SKU-A", 3));
        await Host.DeliverAsync(new Contracts.CommitStock(orderId, Guid.NewGuid(), [new StockLine("SKU-A", 2)]), InventoryModule.Name);

        await ReleaseLinesAsync(orderId, Guid.NewGuid(), ("SKU-A", 1));

        (await StockOfAsync("SKU-A")).ShouldBe(new(Sku: "SKU-A", OnHand: 8, Reserved: 0, Available: 8));
        (await ReservationsOfAsync(orderId)).ShouldHaveSingleItem().Status.ShouldBe(ReservationStatus.Committed);
    }

    [Fact]
    public async Task Given_a_released_reservation_When_a_line_release_comes_Then_nothing_changes()
    {
        var orderId = Guid.NewGuid();
        await SetStockAsync("SKU-A", 10);
        await ReserveAsync(orderId, ("SKU-A", 3));
        await ReleaseAsync(orderId);

        await ReleaseLinesAsync(orderId, Guid.NewGuid(), ("SKU-A", 1));

        (await StockOfAsync("SKU-A")).ShouldBe(new(Sku: "SKU-A", OnHand: 10, Reserved: 0, Available: 10));
        (await ReservationsOfAsync(orderId)).ShouldHaveSingleItem().Status.ShouldBe(ReservationStatus.Released);
    }

    private Task ReleaseLinesAsync(Guid orderId, Guid cancellationId, params (string Sku, int Quantity)[] lines) =>
        Host.DeliverAsync(new Contracts.ReleaseStockLines(orderId, cancellationId, [.. lines.Select(l => new StockLine(l.Sku, l.Quantity))]), InventoryModule.Name);
}
