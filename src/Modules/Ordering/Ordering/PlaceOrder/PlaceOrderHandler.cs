using MediatR;
using OrderManagement.Ordering.Fulfilment;
using OrderManagement.Ordering.Metrics;
using OrderManagement.Ordering.Orders;
using OrderManagement.Ordering.Persistence;

namespace OrderManagement.Ordering.PlaceOrder;

// Stores the order as Pending with its saga and first command in one transaction, then returns at once.
internal sealed class PlaceOrderHandler(OrderingDbContext db, OrderFulfilment fulfilment, OrderingMetrics metrics) : IRequestHandler<PlaceOrderCommand, OrderView>
{
    public Task<OrderView> Handle(PlaceOrderCommand command, CancellationToken cancellationToken)
    {
        var now = db.Time.GetUtcNow();
        var lines = command.Lines.Select(l => new OrderLine(l.Sku, l.Quantity, l.UnitPrice,
            decimal.Round(l.Quantity * l.UnitPrice, 2, MidpointRounding.AwayFromZero)));
        var order = Order.Place(Guid.CreateVersion7(), command.CustomerId, command.Currency, lines, command.ShippingAddress,
            command.PaymentMethod, command.PaymentToken, now);
        db.Orders.Add(order);
        db.RecordHistory(order.Id, "Order", order.Id, "OrderPlaced", null, nameof(OrderStatus.Pending), $"{order.Total} {order.Currency}");
        fulfilment.Start(order);
        db.AfterCommit(metrics.Placed);
        return Task.FromResult(OrderView.From(order));
    }
}
