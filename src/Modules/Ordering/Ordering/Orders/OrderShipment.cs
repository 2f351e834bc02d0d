using OrderManagement.Shipping.Contracts;

namespace OrderManagement.Ordering.Orders;

// One of the order's shipments as Shipping reported it (docs/adr/0019): a shipment carved out by
// POST /api/v1/orders/{orderId}/shipments from the moment it is created, the saga's shipment (the remainder) from its
// dispatch.
internal sealed class OrderShipment
{
    public Guid ShipmentId { get; init; }
    public ShipmentStatus Status { get; set; } = ShipmentStatus.ReadyToShip;
    public string? Carrier { get; set; }
    public string? TrackingNumber { get; set; }
    public List<OrderShipmentLine> Lines { get; set; } = [];
    public DateTimeOffset? DispatchedAt { get; set; }
    public DateTimeOffset? DeliveredAt { get; set; }

    public bool HasLeft => Status is ShipmentStatus.Dispatched or ShipmentStatus.Delivered;
}

internal sealed record OrderShipmentLine(string Sku, int Quantity);
