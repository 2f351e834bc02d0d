namespace OrderManagement.Shipping.Contracts;

/// <summary>
/// Take units of some lines off the order's remainder shipment (the saga's one) before they ship (docs/adr/0021).
/// <paramref name="Lines"/>: SKU and units (each at least 1, a SKU at most once). Shipping decides under the order's
/// shipment lock: if the remainder is still ReadyToShip and holds every unit asked for, they come off and the answer is
/// <see cref="ShipmentLinesCancelled"/>; otherwise nothing changes and the answer is
/// <see cref="ShipmentLinesCancellationRefused"/>. Applied at most once per <paramref name="CancellationId"/>.
/// </summary>
public sealed record CancelShipmentLines(Guid OrderId, Guid CancellationId, IReadOnlyList<ShipmentLine> Lines);

/// <summary>
/// The units of line cancellation <paramref name="CancellationId"/> came off remainder shipment
/// <paramref name="ShipmentId"/>; <paramref name="RemainderEmptied"/>: it was left with no unit and is Cancelled.
/// </summary>
public sealed record ShipmentLinesCancelled(Guid OrderId, Guid CancellationId, Guid ShipmentId, IReadOnlyList<ShipmentLine> Lines, bool RemainderEmptied);

// Nothing came off: the units had left or been carved into a shipment of their own first. Reason says which.
public sealed record ShipmentLinesCancellationRefused(Guid OrderId, Guid CancellationId, string Reason);
