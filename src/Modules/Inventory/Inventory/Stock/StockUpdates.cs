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

    // A returned unit is on hand again; a SKU whose row was never created gets one.
    public static Task<int> AddOnHandAsync(this InventoryDbContext db, string sku, int quantity, DateTimeOffset now, CancellationToken ct) =>
        db.Database.ExecuteSqlRawAsync(
            "INSERT INTO " + Table + " AS s (sku, on_hand, reserved, updated_at) VALUES ({0}, {1}, 0, {2}) "
            + "ON CONFLICT (sku) DO UPDATE SET on_hand = s.on_hand + excluded.on_hand, updated_at = excluded.updated_at",
            [sku, quantity, now], ct);

    // Creates the SKU or sets its on-hand in one statement, so simultaneous first PUTs of a SKU cannot collide.
    // Answers the row as written, or null when on-hand would drop below what is reserved (nothing is written).
    public static async Task<StockItem?> TrySetOnHandAsync(this InventoryDbContext db, string sku, int onHand, DateTimeOffset now, CancellationToken ct) =>
        (await db.StockItems.FromSqlRaw(
                "INSERT INTO " + Table + " AS s (sku, on_hand, reserved, updated_at) VALUES ({0}, {1}, 0, {2}) "
                + "ON CONFLICT (sku) DO UPDATE SET on_hand = excluded.on_hand, updated_at = excluded.updated_at WHERE s.reserved <= excluded.on_hand "
                + "RETURNING s.sku, s.on_hand, s.reserved, s.updated_at",
                sku, onHand, now)
            .AsNoTracking().ToListAsync(ct)).SingleOrDefault();
}
