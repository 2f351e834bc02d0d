using Microsoft.EntityFrameworkCore;

namespace OrderManagement.BuildingBlocks.Messaging;

internal static class MessagingModel
{
    public static void MapMessaging(this ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<OutboxMessage>(outbox =>
        {
            outbox.ToTable("outbox_messages");
            outbox.HasKey(m => m.Id);
            outbox.Property(m => m.Id).HasColumnName("id");
            outbox.Property(m => m.MessageId).HasColumnName("message_id");
            outbox.Property(m => m.Consumer).HasColumnName("consumer");
            outbox.Property(m => m.Type).HasColumnName("type");
            outbox.Property(m => m.Payload).HasColumnName("payload").HasColumnType("jsonb");
            outbox.Property(m => m.OccurredAt).HasColumnName("occurred_at");
            outbox.Property(m => m.AvailableAt).HasColumnName("available_at");
            outbox.Property(m => m.Attempts).HasColumnName("attempts");
            outbox.Property(m => m.LastError).HasColumnName("last_error");
            outbox.Property(m => m.CorrelationId).HasColumnName("correlation_id");
            outbox.Property(m => m.TraceParent).HasColumnName("trace_parent");
            outbox.Property(m => m.DeadLetteredAt).HasColumnName("dead_lettered_at");
            outbox.Property(m => m.DueSince).HasColumnName("due_since");
        });

        modelBuilder.Entity<InboxMessage>(inbox =>
        {
            inbox.ToTable("inbox_messages");
            inbox.HasKey(m => new { m.MessageId, m.Consumer });
            inbox.Property(m => m.MessageId).HasColumnName("message_id");
            inbox.Property(m => m.Consumer).HasColumnName("consumer");
            inbox.Property(m => m.HandledAt).HasColumnName("handled_at");
        });
    }
}
