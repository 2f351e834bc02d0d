using OrderManagement.BuildingBlocks.Application;
using OrderManagement.Ordering.Orders;

namespace OrderManagement.Ordering.PlaceOrder;

// An order to place, every value present and valid (mapped from a PlaceOrderRequest that PlaceOrderValidator accepted).
internal sealed record PlaceOrderCommand(
    string CustomerId,
    string Currency,
    IReadOnlyList<PlaceOrderCommand.Line> Lines,
    ShippingAddress ShippingAddress,
    string PaymentMethod,
    string PaymentToken) : ICommand<OrderView>
{
    internal sealed record Line(string Sku, int Quantity, decimal UnitPrice);
}
