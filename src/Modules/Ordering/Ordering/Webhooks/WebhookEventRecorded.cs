namespace OrderManagement.Ordering.Webhooks;

// Ordering to itself, through its outbox: an order event was recorded; make its deliveries.
internal sealed record WebhookEventRecorded(Guid EventId);
