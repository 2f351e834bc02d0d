using Microsoft.EntityFrameworkCore;
using OrderManagement.BuildingBlocks.Persistence;
using OrderManagement.Shipping.Shipments;

namespace OrderManagement.Shipping.Persistence;

internal sealed class ShippingDbContext(DbContextOptions<ShippingDbContext> options)
    : ModuleDbContext(options)
{
    public const string SchemaName = "shipping";

    public override string Schema => SchemaName;

    public DbSet<Shipment> Shipments => Set<Shipment>();

    protected override void ConfigureModel(ModelBuilder modelBuilder) =>
        modelBuilder.Entity<Shipment>(shipment =>
        {
            shipment.ToTable("shipments");
            shipment.HasKey(s => s.Id);
            shipment.Property(s => s.Id).HasColumnName("id");
            shipment.Property(s => s.OrderId).HasColumnName("order_id");
            shipment.Property(s => s.IsRemainder).HasColumnName("remainder");
            shipment.HasIndex(s => s.OrderId, "ux_shipments_order").IsUnique().HasFilter("remainder");
            shipment.HasIndex(s => s.OrderId, "ix_shipments_order");
            shipment.Property(s => s.Status).HasColumnName("status").HasConversion<string>();
            shipment.Property(s => s.Carrier).HasColumnName("carrier");
            shipment.Property(s => s.TrackingNumber).HasColumnName("tracking_number");
            shipment.Property(s => s.AddressJson).HasColumnName("address").HasColumnType("jsonb");
            shipment.Property(s => s.CreatedAt).HasColumnName("created_at");
            shipment.Property(s => s.UpdatedAt).HasColumnName("updated_at");
            // xmin guards dispatch against a concurrent cancel: the second writer fails and is retried.
            shipment.Property(s => s.Version).HasColumnName("xmin").HasColumnType("xid").ValueGeneratedOnAddOrUpdate().IsConcurrencyToken();
            shipment.OwnsMany(s => s.Lines, line => line.ToJson("lines"));
            shipment.OwnsMany(s => s.LineCancellations, cancellation =>
            {
                cancellation.ToJson("line_cancellations");
                cancellation.OwnsMany(c => c.Lines);
            });
        });
}
