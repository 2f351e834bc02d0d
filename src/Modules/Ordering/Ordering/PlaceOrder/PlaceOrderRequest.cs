using OrderManagement.BuildingBlocks.Application;
using OrderManagement.Ordering.Orders;

namespace OrderManagement.Ordering.PlaceOrder;

// The place-order body as sent (api-contract.md, "Place-order body"): everything nullable so that a missing field is a
// validation error (PlaceOrderValidator), not a binder error. Only a request the validator accepted becomes a command.
internal sealed record PlaceOrderRequest(
    string? CustomerId,
    string? Currency,
    List<PlaceOrderLine?>? Lines,
    PlaceOrderAddress? ShippingAddress,
    PlaceOrderPayment? Payment)
{
    public PlaceOrderCommand ToCommand()
    {
        var address = Validated.Value(ShippingAddress);
        var payment = Validated.Value(Payment);
        return new PlaceOrderCommand(
            Validated.Value(CustomerId),
            Validated.Value(Currency),
            [.. Validated.Value(Lines).Select(line => Validated.Value(line).ToCommandLine())],
            new ShippingAddress(Validated.Value(address.Name), Validated.Value(address.Line1), address.Line2, Validated.Value(address.City),
                Validated.Value(address.PostalCode), Validated.Value(address.Country)),
            Validated.Value(payment.Method),
            Validated.Value(payment.Token));
    }
}

internal sealed record PlaceOrderLine(string? Sku, int? Quantity, decimal? UnitPrice)
{
    public PlaceOrderCommand.Line ToCommandLine() => new(Validated.Value(Sku), Validated.Value(Quantity), Validated.Value(UnitPrice));
}

internal sealed record PlaceOrderAddress(string? Name, string? Line1, string? Line2, string? City, string? PostalCode, string? Country);

internal sealed record PlaceOrderPayment(string? Method, string? Token);
