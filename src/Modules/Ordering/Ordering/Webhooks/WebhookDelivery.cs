using System.Text.Json.Serialization;

namespace OrderManagement.Ordering.Webhooks;

[JsonConverter(typeof(JsonStringEnumConverter<WebhookDeliveryStatus>))]
internal enum WebhookDeliveryStatus
{
    Pending,
    Delivered,
    DeadLettered,
}

// One event due to one subscription, and the log of its attempts: the sender claims it with a lease (DeliveryClaims),
// calls with no transaction open and records the answer only while the lease is still its own.
internal sealed class WebhookDelivery
{
    public Guid Id { get; init; }
    public long Sequence { get; init; }
    public Guid SubscriptionId { get; init; }
    public Guid EventId { get; init; }
    public Guid OrderId { get; init; }
    public long EventSequence { get; init; }
    public required string EventType { get; init; }
    public WebhookDeliveryStatus Status { get; set; }
    public int Attempts { get; set; }
    public DateTimeOffset? NextAttemptAt { get; set; }
    public Guid? LeaseId { get; set; }
    public DateTimeOffset? LeaseExpiresAt { get; set; }
    public int? LastStatusCode { get; set; }
    public double? LastDurationMs { get; set; }
    public string? LastError { get; set; }
    public DateTimeOffset? LastAttemptAt { get; set; }
    public DateTimeOffset? DeliveredAt { get; set; }
    public DateTimeOffset CreatedAt { get; init; }
}
