namespace OrderManagement.Shipping.Contracts;

// Answered by ShipmentCancelled, or ShipmentCancellationRefused when it has already left the warehouse.
public sealed record CancelShipment(Guid OrderId);
