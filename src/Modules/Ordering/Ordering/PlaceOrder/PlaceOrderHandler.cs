using MediatR;
using OrderManagement.BuildingBlocks.History;
using OrderManagement.BuildingBlocks.Persistence;
using OrderManagement.Ordering.Fulfilment;
using OrderManagement.Ordering.Metrics;
using OrderManagement.Ordering.Orders;
using OrderManagement.Ordering.Persistence;

namespace OrderManagement.Ordering.PlaceOrder;

// Stores the order as Pending with its saga and first command in one transaction, then returns at once.
internal sealed class PlaceOrderHandler(
    OrderingDbContext db, HistoryLog<OrderingDbContext> history, AfterCommit<OrderingDbContext> afterCommit,
    TimeProvider time, OrderFulfilment fulfilment, OrderingMetrics metrics)
    : IRequestHandler<PlaceOrderCommand, OrderView>
{
    public Task<OrderView> Handle(PlaceOrderCommand command, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var lines = command.Lines.Select(l => new OrderLine(l.Sku, l.Quantity, l.UnitPrice,
            decimal.Round(l.Quantity * l.UnitPrice, 2, MidpointRounding.AwayFromZero)));
        var order = Order.Place(Guid.CreateVersion7(), command.CustomerId, command.Currency, lines, command.ShippingAddress,
            command.PaymentMethod, command.PaymentToken, now);
        db.Orders.Add(order);
        history.Record(order.Id, "Order", order.Id, "OrderPlaced", null, nameof(OrderStatus.Pending), $"{order.Total} {order.Currency}");
        fulfilment.Start(order);
        afterCommit.Add(metrics.Placed);
        return Task.FromResult(OrderView.From(order));
    }
}
