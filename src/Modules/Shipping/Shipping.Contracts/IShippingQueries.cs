namespace OrderManagement.Shipping.Contracts;

public interface IShippingQueries
{
    Task<IReadOnlyList<ShippingHistoryEntry>> GetOrderHistoryAsync(Guid orderId, CancellationToken cancellationToken);

    // The order's shipment (the saga's one, which holds whatever was not carved out into other shipments: docs/adr/0019),
    // or null when Shipping has none for it (yet).
    Task<ShipmentSnapshot?> GetShipmentAsync(Guid orderId, CancellationToken cancellationToken);
}

// TransactionId: the recording transaction (PostgreSQL's transaction id), which orders an order's history across modules;
// TraceId: the W3C trace id (32 hex digits) of the request or message the change happened in.
public sealed record ShippingHistoryEntry(long TransactionId, DateTimeOffset OccurredAt, string Event, string? FromState, string? ToState, string? Detail, string? TraceId);

public sealed record ShipmentSnapshot(Guid Id, ShipmentStatus Status, string? Carrier, string? TrackingNumber, DateTimeOffset UpdatedAt);
