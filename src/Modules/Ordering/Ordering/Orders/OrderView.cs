using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using OrderManagement.Payments.Contracts;
using OrderManagement.Shipping.Contracts;

namespace OrderManagement.Ordering.Orders;

// The Order resource of the public contract: every field always present, null when it has no value.
internal sealed record OrderView(
    Guid OrderId,
    string CustomerId,
    OrderStatus Status,
    RejectionReason? RejectionReason,
    string Currency,
    IReadOnlyList<OrderLineView> Lines,
    decimal Total,
    ShippingAddress ShippingAddress,
    Guid? PaymentId,
    PaymentStatus? PaymentStatus,
    Guid? ShipmentId,
    ShipmentStatus? ShipmentStatus,
    string? TrackingNumber,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    int Version,
    DateTimeOffset? CancellationRequestedAt,
    decimal RefundedAmount,
    HoldView? Hold,
    IReadOnlyList<OrderShipmentView> Shipments,
    IReadOnlyList<LineCancellationView> LineCancellations)
{
    public static OrderView From(Order order) => new(
        order.Id,
        order.CustomerId,
        order.Status,
        order.RejectionReason,
        order.Currency,
        order.Lines.Select(l => new OrderLineView(l.Sku, l.Quantity, l.UnitPrice, l.LineTotal, order.ShippedQuantity(l.Sku),
            order.CancelledQuantity(l.Sku))).ToList(),
        order.Total,
        order.ShippingAddress,
        order.PaymentId,
        order.PaymentStatus,
        order.ShipmentId,
        order.ShipmentStatus,
        order.TrackingNumber,
        order.CreatedAt,
        order.UpdatedAt,
        order.Version,
        order.CancellationRequestedAt,
        order.RefundedAmount,
        HoldView.Of(order),
        order.Shipments.Select(OrderShipmentView.From).ToList(),
        order.LineCancellations.Select(LineCancellationView.From).ToList());

    [JsonIgnore]
    public string ETag => ETagOf(Version);

    // A replayed response carries the order as it was then, so its tag is that body's version, not today's.
    public static string? ETagOfStoredBody(string body) =>
        JsonNode.Parse(body)?["version"] is JsonValue version && version.TryGetValue<int>(out var value) ? ETagOf(value) : null;

    private static string ETagOf(int version) => $"\"{version}\"";
}

// ShippedQuantity: units of the SKU that have left in dispatched shipments (docs/adr/0019). Quantity: the units still
// ordered; CancelledQuantity: the units cancelled before they shipped (docs/adr/0021), so ordered = the two together.
internal sealed record OrderLineView(string Sku, int Quantity, decimal UnitPrice, decimal LineTotal, int ShippedQuantity = 0, int CancelledQuantity = 0);

// A line cancellation (docs/adr/0021): Requested until Shipping decides, then Cancelled or Refused (refusalReason).
internal sealed record LineCancellationView(Guid CancellationId, LineCancellationStatus Status, IReadOnlyList<CancelledUnits> Lines, string Reason,
    decimal Amount, DateTimeOffset RequestedAt, DateTimeOffset? DecidedAt, string? RefusalReason)
{
    public static LineCancellationView From(LineCancellation c) =>
        new(c.CancellationId, c.Status, c.Lines, c.Reason, c.Amount, c.RequestedAt, c.DecidedAt, c.RefusalReason);
}

// One shipment of the order (docs/adr/0019): carved-out shipments from their creation, the saga's one from its dispatch.
internal sealed record OrderShipmentView(Guid ShipmentId, ShipmentStatus Status, string? Carrier, string? TrackingNumber,
    IReadOnlyList<OrderShipmentLine> Lines, DateTimeOffset? DispatchedAt, DateTimeOffset? DeliveredAt)
{
    public static OrderShipmentView From(OrderShipment s) =>
        new(s.ShipmentId, s.Status, s.Carrier, s.TrackingNumber, s.Lines, s.DispatchedAt, s.DeliveredAt);
}

// Why an order waits in review (ADR 0018): the rules it matched, when it was held, and when it is rejected if nobody
// decides. Null when the order is not held.
internal sealed record HoldView(IReadOnlyList<string> Reasons, DateTimeOffset HeldAt, DateTimeOffset ExpiresAt)
{
    public static HoldView? Of(Order order) => order is { HeldAt: { } heldAt, HoldExpiresAt: { } expiresAt }
        ? new HoldView(order.HoldReasons ?? [], heldAt, expiresAt)
        : null;
}
