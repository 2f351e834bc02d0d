using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OrderManagement.BuildingBlocks.Persistence;
using OrderManagement.Ordering.Returns;

namespace OrderManagement.Ordering.Persistence;

internal sealed class ReturnConfiguration : IEntityTypeConfiguration<Return>
{
    public void Configure(EntityTypeBuilder<Return> @return)
    {
        @return.ToTable("returns");
        @return.HasKey(r => r.Id);
        @return.Property(r => r.Id).HasColumnName("id");
        @return.Property(r => r.OrderId).HasColumnName("order_id");
        @return.HasIndex(r => r.OrderId).HasDatabaseName("ix_returns_order");
        @return.Property(r => r.Status).HasColumnName("status").HasConversion<string>();
        @return.Property(r => r.Reason).HasColumnName("reason");
        @return.Property(r => r.RejectionReason).HasColumnName("rejection_reason");
        @return.Property(r => r.RefundAmount).HasColumnName("refund_amount").HasColumnType(MoneyColumn.StoreType);
        @return.Property(r => r.CreatedAt).HasColumnName("created_at");
        @return.Property(r => r.UpdatedAt).HasColumnName("updated_at");
        @return.Property(r => r.Version).HasColumnName("version").IsConcurrencyToken();
        @return.Ignore(r => r.Units);
        @return.OwnsMany(r => r.Lines, line => line.ToJson("lines"));
    }
}
