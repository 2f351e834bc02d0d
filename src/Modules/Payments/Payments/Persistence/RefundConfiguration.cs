using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OrderManagement.BuildingBlocks.Persistence;
using OrderManagement.Payments.Refunds;

namespace OrderManagement.Payments.Persistence;

internal sealed class RefundConfiguration : IEntityTypeConfiguration<Refund>
{
    public void Configure(EntityTypeBuilder<Refund> refund)
    {
        refund.ToTable("refunds");
        refund.HasKey(r => r.Id);
        refund.Property(r => r.Id).HasColumnName("id");
        refund.Property(r => r.PaymentId).HasColumnName("payment_id");
        refund.HasIndex(r => r.PaymentId).HasDatabaseName("ix_refunds_payment");
        refund.Property(r => r.OrderId).HasColumnName("order_id");
        refund.Property(r => r.Amount).HasColumnName("amount").IsMoney();
        refund.Property(r => r.Status).HasColumnName("status").HasConversion<string>();
        refund.Property(r => r.Attempts).HasColumnName("attempts");
        refund.Property(r => r.LastError).HasColumnName("last_error");
        refund.Property(r => r.DueAt).HasColumnName("due_at");
        refund.HasIndex(r => r.DueAt).HasFilter("due_at IS NOT NULL").HasDatabaseName("ix_refunds_due");
        refund.Property(r => r.LeaseId).HasColumnName("lease_id");
        refund.Property(r => r.LeaseExpiresAt).HasColumnName("lease_expires_at");
        refund.Property(r => r.TraceParent).HasColumnName("trace_parent");
        refund.Property(r => r.CorrelationId).HasColumnName("correlation_id");
        refund.Property(r => r.CreatedAt).HasColumnName("created_at");
        refund.Property(r => r.UpdatedAt).HasColumnName("updated_at");
    }
}
