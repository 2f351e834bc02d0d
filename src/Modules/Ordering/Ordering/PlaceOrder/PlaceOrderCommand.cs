using OrderManagement.BuildingBlocks.Application;
using OrderManagement.Ordering.Orders;

namespace OrderManagement.Ordering.PlaceOrder;

// The place-order body as sent: everything nullable so that a missing field is a validation error, not a crash.
internal sealed record PlaceOrderCommand(
    string? CustomerId,
    string? Currency,
    List<PlaceOrderLine?>? Lines,
    PlaceOrderAddress? ShippingAddress,
    PlaceOrderPayment? Payment) : ICommand<OrderView>;

internal sealed record PlaceOrderLine(string? Sku, int? Quantity, decimal? UnitPrice);

internal sealed record PlaceOrderAddress(string? Name, string? Line1, string? Line2, string? City, string? PostalCode, string? Country);

internal sealed record PlaceOrderPayment(string? Method, string? Token);
