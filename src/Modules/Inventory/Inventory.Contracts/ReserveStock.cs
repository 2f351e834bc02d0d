namespace OrderManagement.Inventory.Contracts;

// Reserve every line or none; answered by StockReserved or StockReservationRejected.
public sealed record ReserveStock(Guid OrderId, IReadOnlyList<StockLine> Lines);

public sealed record StockLine(string Sku, int Quantity);
