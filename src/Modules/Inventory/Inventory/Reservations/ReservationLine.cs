namespace OrderManagement.Inventory.Reservations;

internal sealed record ReservationLine(string Sku, int Quantity);
