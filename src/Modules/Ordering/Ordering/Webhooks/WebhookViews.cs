namespace OrderManagement.Ordering.Webhooks;

// A subscription as the API shows it. Secret is present only in the answer to its creation.
internal sealed record WebhookView(Guid Id, string Owner, string Url, IReadOnlyList<string> EventTypes, DateTimeOffset CreatedAt, string? Secret)
{
    public static WebhookView From(WebhookSubscription s, string? secret = null) => new(s.Id, s.Owner, s.Url, s.EventTypes, s.CreatedAt, secret);
}

internal sealed record WebhookPage(IReadOnlyList<WebhookView> Items);

// One event to one subscription: where it stands and how its last attempt went (durations in milliseconds).
internal sealed record WebhookDeliveryView(
    Guid DeliveryId,
    string WebhookId,
    Guid OrderId,
    string EventType,
    WebhookDeliveryStatus Status,
    int Attempts,
    int? LastStatusCode,
    double? LastDurationMs,
    string? LastError,
    DateTimeOffset? LastAttemptAt,
    DateTimeOffset? NextAttemptAt,
    DateTimeOffset? DeliveredAt,
    DateTimeOffset CreatedAt)
{
    public static WebhookDeliveryView From(WebhookDelivery d) => new(d.Id, WebhookEvent.WebhookId(d.EventId), d.OrderId, d.EventType,
        d.Status, d.Attempts, d.LastStatusCode, d.LastDurationMs, d.LastError, d.LastAttemptAt, d.NextAttemptAt, d.DeliveredAt, d.CreatedAt);
}

internal sealed record WebhookDeliveryPage(IReadOnlyList<WebhookDeliveryView> Items, string? NextCursor);

internal sealed record ReplayResult(int Replayed);
