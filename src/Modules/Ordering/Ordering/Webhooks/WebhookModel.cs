using Microsoft.EntityFrameworkCore;

namespace OrderManagement.Ordering.Webhooks;

// The webhook tables of the ordering schema (migration 0008_webhooks.sql).
internal static class WebhookModel
{
    public static void MapWebhooks(this ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<WebhookSubscription>(subscription =>
        {
            subscription.ToTable("webhook_subscriptions");
            subscription.HasKey(s => s.Id);
            subscription.Property(s => s.Id).HasColumnName("id").ValueGeneratedNever();
            subscription.Property(s => s.Owner).HasColumnName("owner");
            subscription.Property(s => s.Url).HasColumnName("url");
            subscription.Property(s => s.Secret).HasColumnName("secret");
            subscription.Property(s => s.EventTypes).HasColumnName("event_types");
            subscription.Property(s => s.CreatedAt).HasColumnName("created_at");
            subscription.HasIndex(s => s.Owner).HasDatabaseName("ix_webhook_subscriptions_owner");
        });

        modelBuilder.Entity<WebhookEvent>(@event =>
        {
            @event.ToTable("webhook_events");
            @event.HasKey(e => e.Id);
            @event.Property(e => e.Id).HasColumnName("id").ValueGeneratedNever();
            @event.Property(e => e.Sequence).HasColumnName("sequence").UseIdentityAlwaysColumn();
            @event.Property(e => e.OrderId).HasColumnName("order_id");
            @event.Property(e => e.Type).HasColumnName("type");
            @event.Property(e => e.Payload).HasColumnName("payload");
            @event.Property(e => e.OccurredAt).HasColumnName("occurred_at");
            @event.Property(e => e.FannedOutAt).HasColumnName("fanned_out_at");
            @event.Property(e => e.TraceParent).HasColumnName("trace_parent");
            @event.Property(e => e.CorrelationId).HasColumnName("correlation_id");
            @event.HasIndex(e => new { e.OrderId, e.Sequence }).HasDatabaseName("ix_webhook_events_order");
        });

        modelBuilder.Entity<WebhookDelivery>(delivery =>
        {
            delivery.ToTable("webhook_deliveries");
            delivery.HasKey(d => d.Id);
            delivery.Property(d => d.Id).HasColumnName("id").ValueGeneratedNever();
            delivery.Property(d => d.Sequence).HasColumnName("sequence").UseIdentityAlwaysColumn();
            delivery.Property(d => d.SubscriptionId).HasColumnName("subscription_id");
            delivery.Property(d => d.EventId).HasColumnName("event_id");
            delivery.Property(d => d.OrderId).HasColumnName("order_id");
            delivery.Property(d => d.EventSequence).HasColumnName("event_sequence");
            delivery.Property(d => d.EventType).HasColumnName("event_type");
            delivery.Property(d => d.Status).HasColumnName("status").HasConversion<string>();
            delivery.Property(d => d.Attempts).HasColumnName("attempts");
            delivery.Property(d => d.NextAttemptAt).HasColumnName("next_attempt_at");
            delivery.Property(d => d.LeaseId).HasColumnName("lease_id");
            delivery.Property(d => d.LeaseExpiresAt).HasColumnName("lease_expires_at");
            delivery.Property(d => d.LastStatusCode).HasColumnName("last_status_code");
            delivery.Property(d => d.LastDurationMs).HasColumnName("last_duration_ms");
            delivery.Property(d => d.LastError).HasColumnName("last_error");
            delivery.Property(d => d.LastAttemptAt).HasColumnName("last_attempt_at");
            delivery.Property(d => d.DeliveredAt).HasColumnName("delivered_at");
            delivery.Property(d => d.CreatedAt).HasColumnName("created_at");
            delivery.HasOne<WebhookSubscription>().WithMany().HasForeignKey(d => d.SubscriptionId).OnDelete(DeleteBehavior.Cascade);
            delivery.HasOne<WebhookEvent>().WithMany().HasForeignKey(d => d.EventId).OnDelete(DeleteBehavior.NoAction);
            delivery.HasIndex(d => new { d.SubscriptionId, d.EventId }).IsUnique().HasDatabaseName("ux_webhook_deliveries_subscription_event");
            delivery.HasIndex(d => d.EventId).HasDatabaseName("ix_webhook_deliveries_event");
            delivery.HasIndex(d => new { d.SubscriptionId, d.Sequence }).HasDatabaseName("ix_webhook_deliveries_subscription");
            delivery.HasIndex(d => new { d.SubscriptionId, d.OrderId, d.EventSequence }).HasDatabaseName("ix_webhook_deliveries_order");
        });
    }
}
