using Microsoft.EntityFrameworkCore;
using OrderManagement.BuildingBlocks.Persistence;
using OrderManagement.Inventory.Reservations;
using OrderManagement.Inventory.RestockReturn;
using OrderManagement.Inventory.Stock;

namespace OrderManagement.Inventory.Persistence;

internal sealed class InventoryDbContext(DbContextOptions<InventoryDbContext> options)
    : ModuleDbContext(options)
{
    public const string SchemaName = "inventory";

    public override string Schema => SchemaName;

    public DbSet<StockItem> StockItems => Set<StockItem>();
    public DbSet<StockReservation> Reservations => Set<StockReservation>();
    public DbSet<ReturnRestock> ReturnRestocks => Set<ReturnRestock>();
    public DbSet<StockCommit> Commits => Set<StockCommit>();

    protected override void ConfigureModel(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<StockItem>(stock =>
        {
            stock.ToTable("stock_items");
            stock.HasKey(s => s.Sku);
            stock.Property(s => s.Sku).HasColumnName("sku");
            stock.Property(s => s.OnHand).HasColumnName("on_hand");
            stock.Property(s => s.Reserved).HasColumnName("reserved");
            stock.Property(s => s.UpdatedAt).HasColumnName("updated_at");
        });

        modelBuilder.Entity<StockReservation>(reservation =>
        {
            reservation.ToTable("reservations");
            reservation.HasKey(r => r.Id);
            reservation.Property(r => r.Id).HasColumnName("id");
            reservation.Property(r => r.OrderId).HasColumnName("order_id");
            reservation.HasIndex(r => r.OrderId).IsUnique().HasDatabaseName("ux_reservations_order");
            reservation.Property(r => r.Status).HasColumnName("status").HasConversion<string>();
            reservation.Property(r => r.CreatedAt).HasColumnName("created_at");
            reservation.Property(r => r.UpdatedAt).HasColumnName("updated_at");
            reservation.Ignore(r => r.State);
            reservation.OwnsMany(r => r.Lines, line =>
            {
                line.ToJson("lines");
            });
            reservation.OwnsMany(r => r.LineReleases, release =>
            {
                release.ToJson("line_releases");
                release.OwnsMany(r => r.Lines);
            });
        });

        modelBuilder.Entity<ReturnRestock>(restock =>
        {
            restock.ToTable("return_restocks");
            restock.HasKey(r => r.ReturnId);
            restock.Property(r => r.ReturnId).HasColumnName("return_id");
            restock.Property(r => r.OrderId).HasColumnName("order_id");
            restock.Property(r => r.Units).HasColumnName("units");
            restock.Property(r => r.CreatedAt).HasColumnName("created_at");
        });

        modelBuilder.Entity<StockCommit>(commit =>
        {
            commit.ToTable("stock_commits");
            commit.HasKey(c => c.Id);
            commit.Property(c => c.Id).HasColumnName("id");
            commit.Property(c => c.OrderId).HasColumnName("order_id");
            commit.Property(c => c.ShipmentId).HasColumnName("shipment_id");
            commit.HasIndex(c => new { c.OrderId, c.ShipmentId }).IsUnique().AreNullsDistinct(false).HasDatabaseName("ux_stock_commits_order_shipment");
            commit.Property(c => c.CommittedAt).HasColumnName("committed_at");
            commit.OwnsMany(c => c.Lines, line => line.ToJson("lines"));
        });
    }
}
