using System.Text.Json.Serialization;

namespace OrderManagement.Ordering.Orders;

// Units of some lines taken off an order before they ship (docs/adr/0021). Requested until Shipping has decided:
// Cancelled (the units came off the remainder shipment; the order's lines and total followed) or Refused (they had
// left or been carved into a shipment of their own first; nothing changed). Amount: the cancelled units' money.
internal sealed class LineCancellation
{
    public Guid CancellationId { get; init; }
    public LineCancellationStatus Status { get; set; }
    public List<CancelledUnits> Lines { get; init; } = [];
    public required string Reason { get; init; }
    public required string RequestedBy { get; init; }
    public DateTimeOffset RequestedAt { get; init; }
    public DateTimeOffset? DecidedAt { get; set; }
    public decimal Amount { get; init; }
    public string? RefusalReason { get; set; }
}

[JsonConverter(typeof(JsonStringEnumConverter<LineCancellationStatus>))]
internal enum LineCancellationStatus
{
    Requested,
    Cancelled,
    Refused,
}

internal sealed record CancelledUnits(string Sku, int Quantity);
