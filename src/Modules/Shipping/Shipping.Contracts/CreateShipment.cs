namespace OrderManagement.Shipping.Contracts;

// Answered by ShipmentCreated.
public sealed record CreateShipment(Guid OrderId, IReadOnlyList<ShipmentLine> Lines, ShipmentAddress Address);

public sealed record ShipmentLine(string Sku, int Quantity);

public sealed record ShipmentAddress(string Name, string Line1, string? Line2, string City, string PostalCode, string Country);
