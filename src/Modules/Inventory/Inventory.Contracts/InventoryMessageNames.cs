namespace OrderManagement.Inventory.Contracts;

// Stable names under which these messages are stored; never change one that has been released.
public static class InventoryMessageNames
{
    public static IReadOnlyDictionary<Type, string> All { get; } = new Dictionary<Type, string>
    {
        [typeof(ReserveStock)] = "inventory.reserve-stock.v1",
        [typeof(ReleaseStock)] = "inventory.release-stock.v1",
        [typeof(CommitStock)] = "inventory.commit-stock.v1",
        [typeof(RestockReturn)] = "inventory.restock-return.v1",
        [typeof(ReleaseStockLines)] = "inventory.release-stock-lines.v1",
        [typeof(StockReserved)] = "inventory.stock-reserved.v1",
        [typeof(StockReservationRejected)] = "inventory.stock-reservation-rejected.v1",
        [typeof(StockReleased)] = "inventory.stock-released.v1",
    };
}
