using Microsoft.EntityFrameworkCore;
using OrderManagement.BuildingBlocks.Messaging;
using OrderManagement.BuildingBlocks.Persistence;
using OrderManagement.Ordering.Persistence;

namespace OrderManagement.Ordering.Webhooks;

// Makes one due delivery per subscription that wants the event. Runs in a delivery of Ordering's own lane: it only
// inserts rows (no outside call), so it never holds up the saga's messages. An event nobody wants is deleted at once;
// until an event is fanned out, later events of its order are not sent (DeliveryClaims), which keeps them in order.
internal sealed class WebhookFanOut(
    OrderingDbContext db, AfterCommit<OrderingDbContext> afterCommit, TimeProvider time, WebhookSignal signal)
    : IMessageHandler<WebhookEventRecorded>
{
    public async Task HandleAsync(WebhookEventRecorded message, CancellationToken cancellationToken)
    {
        var @event = await db.WebhookEvents.SingleOrDefaultAsync(e => e.Id == message.EventId, cancellationToken);
        if (@event is null || @event.FannedOutAt is not null)
        {
            return;
        }

        var type = @event.Type;
        var subscriptions = await db.WebhookSubscriptions.AsNoTracking()
            .Where(s => s.EventTypes.Contains(type))
            .Select(s => s.Id)
            .ToListAsync(cancellationToken);
        if (subscriptions.Count == 0)
        {
            db.WebhookEvents.Remove(@event);
            return;
        }

        var now = time.GetUtcNow();
        foreach (var subscription in subscriptions)
        {
            db.WebhookDeliveries.Add(new WebhookDelivery
            {
                Id = Guid.CreateVersion7(),
                SubscriptionId = subscription,
                EventId = @event.Id,
                OrderId = @event.OrderId,
                EventSequence = @event.Sequence,
                EventType = @event.Type,
                Status = WebhookDeliveryStatus.Pending,
                NextAttemptAt = now,
                CreatedAt = now,
            });
        }

        @event.FannedOutAt = now;
        afterCommit.Add(signal.Notify);
    }
}
