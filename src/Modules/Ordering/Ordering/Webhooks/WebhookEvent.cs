namespace OrderManagement.Ordering.Webhooks;

// One order event as sent: recorded in the transaction of the order change that caused it, so none is lost on a
// crash. Sequence (the database's identity) orders an order's events: two changes of one order never commit at once
// (the order's version is their concurrency token), so a later change always gets a higher number.
internal sealed class WebhookEvent
{
    public Guid Id { get; init; }
    public long Sequence { get; init; }
    public Guid OrderId { get; init; }
    public required string Type { get; init; }

    // The body as signed and sent, byte for byte on every attempt.
    public required string Payload { get; init; }
    public DateTimeOffset OccurredAt { get; init; }

    // Set once the event's deliveries exist; until then later events of the order wait (WebhookFanOut, DeliveryClaims).
    public DateTimeOffset? FannedOutAt { get; set; }
    public string? TraceParent { get; init; }
    public string? CorrelationId { get; init; }

    // Standard Webhooks' webhook-id: the same on every attempt, so receivers deduplicate on it.
    public static string WebhookId(Guid eventId) => "msg_" + eventId.ToString("N");
}
