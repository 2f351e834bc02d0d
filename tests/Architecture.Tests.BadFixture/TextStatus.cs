namespace OrderManagement.BadFixture;

// Violation: a status held as text, not as an enum.
internal sealed record TextStatus(Guid ShipmentId, string Status);
