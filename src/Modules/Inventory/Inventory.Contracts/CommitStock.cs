namespace OrderManagement.Inventory.Contracts;

/// <summary>
/// A shipment left: its reserved units leave on-hand stock. With <paramref name="ShipmentId"/> and
/// <paramref name="Lines"/> (SKU and units, each at most what the order still has reserved) only those units leave,
/// once per shipment (a repeat is a no-op); without them every unit still reserved for the order leaves (an order
/// shipped in one parcel). The reservation is Committed once no unit of it is left (docs/adr/0019).
/// </summary>
public sealed record CommitStock(Guid OrderId, Guid? ShipmentId = null, IReadOnlyList<StockLine>? Lines = null);
