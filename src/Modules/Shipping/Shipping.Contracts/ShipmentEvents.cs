namespace OrderManagement.Shipping.Contracts;

public sealed record ShipmentCreated(Guid OrderId, Guid ShipmentId);

public sealed record ShipmentCancelled(Guid OrderId, Guid? ShipmentId);

// Status: the shipment's status that refuses the cancellation (it has left: Dispatched or Delivered).
public sealed record ShipmentCancellationRefused(Guid OrderId, Guid ShipmentId, ShipmentStatus Status);

// Lines: the SKUs and units that left in this shipment; null when it held every unit of the order (the saga's shipment
// with nothing carved out of it, and every dispatch of the version before partial shipments: docs/adr/0019).
public sealed record ShipmentDispatched(Guid OrderId, Guid ShipmentId, string Carrier, string TrackingNumber, IReadOnlyList<ShipmentLine>? Lines = null);

/// <summary>
/// An operator carved <paramref name="Lines"/> (SKU, units) out of the order's remainder shipment
/// (<paramref name="RemainderId"/>, the saga's one) into the new shipment <paramref name="ShipmentId"/>, ReadyToShip;
/// <paramref name="RemainderEmptied"/>: the remainder was left with no unit and is Cancelled (docs/adr/0019).
/// </summary>
public sealed record ShipmentSplit(Guid OrderId, Guid ShipmentId, Guid RemainderId, IReadOnlyList<ShipmentLine> Lines, bool RemainderEmptied);

public sealed record ShipmentDelivered(Guid OrderId, Guid ShipmentId);
