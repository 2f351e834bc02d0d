namespace OrderManagement.Shipping.Contracts;

public interface IShippingQueries
{
    Task<IReadOnlyList<ShippingHistoryEntry>> GetOrderHistoryAsync(Guid orderId, CancellationToken cancellationToken);

    // The order's shipment, or null when Shipping has none for it (yet).
    Task<ShipmentSnapshot?> GetShipmentAsync(Guid orderId, CancellationToken cancellationToken);
}

public sealed record ShippingHistoryEntry(DateTimeOffset OccurredAt, string Event, string? FromState, string? ToState, string? Detail);

public sealed record ShipmentSnapshot(Guid Id, string Status, string? Carrier, string? TrackingNumber, DateTimeOffset UpdatedAt);
