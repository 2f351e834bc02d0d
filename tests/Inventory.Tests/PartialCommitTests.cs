using OrderManagement.BuildingBlocks.Domain;
using OrderManagement.Inventory.CommitStock;
using OrderManagement.Inventory.Contracts;
using OrderManagement.Inventory.Reservations;

namespace OrderManagement.Inventory.Tests;

// Partial shipments (docs/adr/0019): each shipment's units leave on-hand stock when it is dispatched, once per shipment.
public sealed class PartialCommitTests(InventoryModuleFixture fixture) : InventoryTest(fixture)
{
    [Fact]
    public async Task Given_a_reserved_order_When_two_shipments_commit_their_units_Then_stock_leaves_per_shipment_and_the_reservation_is_Committed_after_the_last()
    {
        var orderId = Guid.NewGuid();
        await SetStockAsync("SKU-A", 10);
        await SetStockAsync("SKU-B", 6);
        await ReserveAsync(orderId, ("SKU-A", 3), ("SKU-B", 2));

        await CommitAsync(orderId, Guid.NewGuid(), ("SKU-A", 1), ("SKU-B", 2));

        (await StockOfAsync("SKU-A")).ShouldBe(new(Sku: "SKU-A", OnHand: 9, Reserved: 2, Available: 7));
        (await StockOfAsync("SKU-B")).ShouldBe(new(Sku: "SKU-B", OnHand: 4, Reserved: 0, Available: 4));
        (await ReservationsOfAsync(orderId)).ShouldHaveSingleItem().Status.ShouldBe(ReservationStatus.Reserved);

        await CommitAsync(orderId, Guid.NewGuid(), ("SKU-A", 2));

        (await StockOfAsync("SKU-A")).ShouldBe(new(Sku: "SKU-A", OnHand: 7, Reserved: 0, Available: 7));
        (await ReservationsOfAsync(orderId)).ShouldHaveSingleItem().Status.ShouldBe(ReservationStatus.Committed);
        (await HistoryOfAsync(orderId)).Select(h => h.Event).ShouldBe(["StockReserved", "StockPartlyCommitted", "StockCommitted"]);
    }

    [Fact]
    public async Task Given_a_shipment_committed_When_its_commit_is_delivered_again_Then_its_units_leave_only_once()
    {
        var orderId = Guid.NewGuid();
        var shipment = Guid.NewGuid();
        await SetStockAsync("SKU-A", 10);
        await ReserveAsync(orderId, ("SKU-A", 3));
        await CommitAsync(orderId, shipment, ("SKU-A", 1));

        await CommitAsync(orderId, shipment, ("SKU-A", 1));
        await Host.SendAsync(new CommitShipmentStockCommand(orderId, shipment, [new ReservationLine("SKU-A", 1)]));

        (await StockOfAsync("SKU-A")).ShouldBe(new(Sku: "SKU-A", OnHand: 9, Reserved: 2, Available: 7));
    }

    [Fact]
    public async Task Given_a_partly_committed_order_When_a_commit_naming_no_shipment_comes_Then_the_rest_leaves()
    {
        var orderId = Guid.NewGuid();
        await SetStockAsync("SKU-A", 10);
        await ReserveAsync(orderId, ("SKU-A", 3));
        await CommitAsync(orderId, Guid.NewGuid(), ("SKU-A", 1));

        await CommitAsync(orderId);

        (await StockOfAsync("SKU-A")).ShouldBe(new(Sku: "SKU-A", OnHand: 7, Reserved: 0, Available: 7));
        (await ReservationsOfAsync(orderId)).ShouldHaveSingleItem().Status.ShouldBe(ReservationStatus.Committed);
    }

    [Fact]
    public async Task Given_a_shipment_of_more_units_than_are_reserved_When_it_commits_Then_it_is_refused_and_stock_is_unchanged()
    {
        var orderId = Guid.NewGuid();
        await SetStockAsync("SKU-A", 10);
        await ReserveAsync(orderId, ("SKU-A", 3));
        await CommitAsync(orderId, Guid.NewGuid(), ("SKU-A", 2));

        var refused = await Should.ThrowAsync<ConflictException>(() =>
            Host.SendAsync(new CommitShipmentStockCommand(orderId, Guid.NewGuid(), [new ReservationLine("SKU-A", 2)])));
        await Should.ThrowAsync<ConflictException>(() =>
            Host.SendAsync(new CommitShipmentStockCommand(orderId, Guid.NewGuid(), [new ReservationLine("SKU-Z", 1)])));

        refused.Code.ShouldBe("commit-exceeds-reservation");
        (await StockOfAsync("SKU-A")).ShouldBe(new(Sku: "SKU-A", OnHand: 8, Reserved: 1, Available: 7));
    }

    private Task CommitAsync(Guid orderId, Guid shipmentId, params (string Sku, int Quantity)[] lines) =>
        Host.DeliverAsync(new Contracts.CommitStock(orderId, shipmentId, [.. lines.Select(l => new StockLine(l.Sku, l.Quantity))]), InventoryModule.Name);
}
