using Microsoft.EntityFrameworkCore;
using OrderManagement.Inventory.Persistence;

namespace OrderManagement.Inventory.Stock;

// Set-based updates whose WHERE clause is the invariant, so two transactions can never both take the last unit.
internal static class StockUpdates
{
    public static Task<int> TryReserveAsync(this InventoryDbContext db, string sku, int quantity, DateTimeOffset now, CancellationToken ct) =>
        db.StockItems
            .Where(s => s.Sku == sku && s.OnHand - s.Reserved >= quantity)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Reserved, x => x.Reserved + quantity).SetProperty(x => x.UpdatedAt, now), ct);

    public static Task<int> UnreserveAsync(this InventoryDbContext db, string sku, int quantity, DateTimeOffset now, CancellationToken ct) =>
        db.StockItems
            .Where(s => s.Sku == sku)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Reserved, x => x.Reserved - quantity).SetProperty(x => x.UpdatedAt, now), ct);

    public static Task<int> ShipReservedAsync(this InventoryDbContext db, string sku, int quantity, DateTimeOffset now, CancellationToken ct) =>
        db.StockItems
            .Where(s => s.Sku == sku)
            .ExecuteUpdateAsync(s => s
                .SetProperty(x => x.Reserved, x => x.Reserved - quantity)
                .SetProperty(x => x.OnHand, x => x.OnHand - quantity)
                .SetProperty(x => x.UpdatedAt, now), ct);

    public static Task<int> TrySetOnHandAsync(this InventoryDbContext db, string sku, int onHand, DateTimeOffset now, CancellationToken ct) =>
        db.StockItems
            .Where(s => s.Sku == sku && s.Reserved <= onHand)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.OnHand, onHand).SetProperty(x => x.UpdatedAt, now), ct);
}
