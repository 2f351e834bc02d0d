using System.Diagnostics;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using OrderManagement.BuildingBlocks.History;
using OrderManagement.BuildingBlocks.Messaging;
using OrderManagement.Ordering.Orders;
using OrderManagement.Ordering.Persistence;

namespace OrderManagement.Ordering.Webhooks;

// Turns the order-history entries a save is about to write into webhook events, in the same save and so the same
// transaction: every place that changes an order already records it in the history, so no call site can forget the
// event, and a crash at any line loses neither or both. Fan-out to the subscriptions goes through the outbox
// (WebhookEventRecorded, handled by WebhookFanOut). A type no subscription wants is not recorded (WebhookInterest).
internal static class WebhookEventRecorder
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static void RecordPendingEvents(OrderingDbContext db, OutboxPublisher<OrderingDbContext> outbox, WebhookInterest interest)
    {
        var entries = db.ChangeTracker.Entries<HistoryRecord>()
            .Where(e => e.State == EntityState.Added)
            .Select(e => e.Entity)
            .ToList();
        foreach (var history in entries)
        {
            var type = WebhookEventTypes.ForHistoryEvent(history.Subject, history.Event);
            if (type is null || !interest.Wants(type))
            {
                continue;
            }

            var order = db.ChangeTracker.Entries<Order>().Select(e => e.Entity).FirstOrDefault(o => o.Id == history.OrderId);
            if (order is null)
            {
                continue;
            }

            var id = Guid.CreateVersion7();
            db.WebhookEvents.Add(new WebhookEvent
            {
                Id = id,
                OrderId = order.Id,
                Type = type,
                Payload = JsonSerializer.Serialize(new WebhookPayload(type, history.OccurredAt, OrderView.From(order)), Json),
                OccurredAt = history.OccurredAt,
                TraceParent = Activity.Current?.Id,
                CorrelationId = CorrelationContext.Current,
            });
            outbox.Publish(new WebhookEventRecorded(id));
        }
    }
}

// The body of every webhook, as the Standard Webhooks specification shapes it: the event type, when it happened
// (RFC 3339), and the order as GET /api/v1/orders/{orderId} shows it after the change.
internal sealed record WebhookPayload(string Type, DateTimeOffset Timestamp, OrderView Data);
