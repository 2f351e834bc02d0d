using Microsoft.EntityFrameworkCore;
using OrderManagement.Inventory.Persistence;

namespace OrderManagement.Inventory.Stock;

// Set-based updates whose WHERE clause is the invariant, so two transactions can never both take the last unit.
// Plain SQL: every order runs these, and they need none of LINQ's translation.
internal static class StockUpdates
{
    private const string Table = InventoryDbContext.SchemaName + ".stock_items";

    public static Task<int> TryReserveAsync(this InventoryDbContext db, string sku, int quantity, DateTimeOffset now, CancellationToken ct) =>
        db.Database.ExecuteSqlRawAsync(
            "UPDATE " + Table + " SET reserved = reserved + {1}, updated_at = {2} WHERE sku = {0} AND on_hand - reserved >= {1}",
            [sku, quantity, now], ct);

    public static Task<int> UnreserveAsync(this InventoryDbContext db, string sku, int quantity, DateTimeOffset now, CancellationToken ct) =>
        db.Database.ExecuteSqlRawAsync(
            "UPDATE " + Table + " SET reserved = reserved - {1}, updated_at = {2} WHERE sku = {0}",
            [sku, quantity, now], ct);

    public static Task<int> ShipReservedAsync(this InventoryDbContext db, string sku, int quantity, DateTimeOffset now, CancellationToken ct) =>
        db.Database.ExecuteSqlRawAsync(
            "UPDATE " + Table + " SET reserved = reserved - {1}, on_hand = on_hand - {1}, updated_at = {2} WHERE sku = {0}",
            [sku, quantity, now], ct);

    public static Task<int> TrySetOnHandAsync(this InventoryDbContext db, string sku, int onHand, DateTimeOffset now, CancellationToken ct) =>
        db.Database.ExecuteSqlRawAsync(
            "UPDATE " + Table + " SET on_hand = {1}, updated_at = {2} WHERE sku = {0} AND reserved <= {1}",
            [sku, onHand, now], ct);
}
