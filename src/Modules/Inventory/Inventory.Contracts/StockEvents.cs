namespace OrderManagement.Inventory.Contracts;

public sealed record StockReserved(Guid OrderId, Guid ReservationId);

public sealed record StockReservationRejected(Guid OrderId, string Reason);

public sealed record StockReleased(Guid OrderId);
