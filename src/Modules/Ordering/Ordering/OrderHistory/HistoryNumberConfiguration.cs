using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OrderManagement.Ordering.OrderHistory;

internal sealed class HistoryNumberConfiguration : IEntityTypeConfiguration<HistoryNumber>
{
    public void Configure(EntityTypeBuilder<HistoryNumber> number)
    {
        number.ToTable("history_numbering");
        number.HasKey(n => new { n.OrderId, n.Sequence });
        number.Property(n => n.OrderId).HasColumnName("order_id");
        number.Property(n => n.Sequence).HasColumnName("sequence");
        number.Property(n => n.Module).HasColumnName("module");
        number.Property(n => n.Event).HasColumnName("event");
        number.Property(n => n.OccurredAt).HasColumnName("occurred_at");
    }
}
