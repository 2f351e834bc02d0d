namespace OrderManagement.Shipping.Contracts;

public sealed record ShipmentCreated(Guid OrderId, Guid ShipmentId);

public sealed record ShipmentCancelled(Guid OrderId, Guid? ShipmentId);

public sealed record ShipmentCancellationRefused(Guid OrderId, Guid ShipmentId, string Status);

public sealed record ShipmentDispatched(Guid OrderId, Guid ShipmentId, string Carrier, string TrackingNumber);

public sealed record ShipmentDelivered(Guid OrderId, Guid ShipmentId);
