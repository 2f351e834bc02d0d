using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OrderManagement.BuildingBlocks.Persistence;
using OrderManagement.Ordering.Orders;

namespace OrderManagement.Ordering.Persistence;

internal sealed class OrderConfiguration : IEntityTypeConfiguration<Order>
{
    public void Configure(EntityTypeBuilder<Order> order)
    {
        order.ToTable("orders");
        order.HasKey(o => o.Id);
        order.Property(o => o.Id).HasColumnName("id");
        order.Property(o => o.CustomerId).HasColumnName("customer_id");
        order.Property(o => o.Status).HasColumnName("status").HasConversion<string>();
        order.Property(o => o.RejectionReason).HasColumnName("rejection_reason").HasConversion<string>();
        order.Property(o => o.Currency).HasColumnName("currency");
        order.Property(o => o.Total).HasColumnName("total").IsMoney();
        order.Property(o => o.PaymentMethod).HasColumnName("payment_method");
        order.Property(o => o.PaymentToken).HasColumnName("payment_token");
        order.Property(o => o.PaymentId).HasColumnName("payment_id");
        order.Property(o => o.PaymentStatus).HasColumnName("payment_status").HasConversion<string>();
        order.Property(o => o.ShipmentId).HasColumnName("shipment_id");
        order.Property(o => o.ShipmentStatus).HasColumnName("shipment_status").HasConversion<string>();
        order.Property(o => o.CancellationRequestedAt).HasColumnName("cancellation_requested_at");
        order.Property(o => o.TrackingNumber).HasColumnName("tracking_number");
        order.Property(o => o.RefundedAmount).HasColumnName("refunded_amount").IsMoney();
        order.Property(o => o.HoldReasons).HasColumnName("hold_reasons");
        order.Property(o => o.HeldAt).HasColumnName("held_at");
        order.Property(o => o.HoldExpiresAt).HasColumnName("hold_expires_at");
        order.Property(o => o.CreatedAt).HasColumnName("created_at");
        order.Property(o => o.UpdatedAt).HasColumnName("updated_at");
        order.Property(o => o.Version).HasColumnName("version").IsConcurrencyToken();
        order.OwnsMany(o => o.Lines, line => line.ToJson("lines"));
        order.OwnsMany(o => o.Shipments, shipment =>
        {
            shipment.ToJson("shipments");
            shipment.Ignore(s => s.HasLeft);
            shipment.Property(s => s.Status).HasConversion<string>();
            shipment.OwnsMany(s => s.Lines);
        });
        order.OwnsMany(o => o.LineCancellations, cancellation =>
        {
            cancellation.ToJson("line_cancellations");
            cancellation.Property(c => c.Status).HasConversion<string>();
            cancellation.OwnsMany(c => c.Lines);
        });
        order.OwnsOne(o => o.ShippingAddress, address => address.ToJson("shipping_address"));
        order.Property(o => o.Sequence).HasColumnName("seq").UseIdentityAlwaysColumn();
        order.HasIndex(o => o.Sequence).IsUnique().HasDatabaseName("ux_orders_seq");
        order.HasIndex(o => new { o.CustomerId, o.Sequence }).HasDatabaseName("ix_orders_customer");
        order.HasIndex(o => new { o.Status, o.Sequence }).HasDatabaseName("ix_orders_status");
    }
}
