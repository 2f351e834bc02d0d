using Microsoft.EntityFrameworkCore;

namespace OrderManagement.BuildingBlocks.History;

internal static class HistoryModel
{
    public static void MapHistory(this ModelBuilder modelBuilder) =>
        modelBuilder.Entity<HistoryRecord>(history =>
        {
            history.ToTable("history");
            history.HasKey(h => h.Id);
            history.Property(h => h.Id).HasColumnName("id").UseIdentityAlwaysColumn();
            history.Property(h => h.TransactionId).HasColumnName("transaction_id")
                .HasDefaultValueSql("pg_current_xact_id()::text::bigint").ValueGeneratedOnAdd();
            history.Property(h => h.OrderId).HasColumnName("order_id");
            history.Property(h => h.OccurredAt).HasColumnName("occurred_at");
            history.Property(h => h.Subject).HasColumnName("subject");
            history.Property(h => h.SubjectId).HasColumnName("subject_id");
            history.Property(h => h.Event).HasColumnName("event");
            history.Property(h => h.FromState).HasColumnName("from_state");
            history.Property(h => h.ToState).HasColumnName("to_state");
            history.Property(h => h.Detail).HasColumnName("detail");
            history.Property(h => h.TraceId).HasColumnName("trace_id");
            history.HasIndex(h => new { h.OrderId, h.Id }).HasDatabaseName("ix_history_order");
        });
}
