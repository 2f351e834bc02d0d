namespace OrderManagement.Shipping.Shipments;

internal sealed record ShipmentLineItem(string Sku, int Quantity);
