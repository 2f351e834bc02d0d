using OrderManagement.Shipping.Contracts;
using OrderManagement.Shipping.Shipments;

namespace OrderManagement.Shipping.GetShipment;

internal sealed record ShipmentView(Guid ShipmentId, Guid OrderId, ShipmentStatus Status, string? Carrier, string? TrackingNumber, IReadOnlyList<ShipmentLineItem> Lines)
{
    public static ShipmentView From(Shipment s) => new(s.Id, s.OrderId, s.Status, s.Carrier, s.TrackingNumber, s.Lines);
}
