namespace OrderManagement.Ordering.Orders;

internal sealed record OrderLine(string Sku, int Quantity, decimal UnitPrice, decimal LineTotal);

internal sealed record ShippingAddress(string Name, string Line1, string? Line2, string City, string PostalCode, string Country);
