using Microsoft.EntityFrameworkCore;
using OrderManagement.Ordering.Contracts;
using OrderManagement.Ordering.Persistence;

namespace OrderManagement.Ordering.GetOrder;

internal sealed class OrderStatusQueries(OrderingDbContext db) : IOrderStatusQueries
{
    public async Task<OrderStatusSnapshot?> GetOrderStatusAsync(Guid orderId, CancellationToken cancellationToken) =>
        await db.Orders.AsNoTracking().FirstOrDefaultAsync(o => o.Id == orderId, cancellationToken) is { } order
            ? new OrderStatusSnapshot(order.Id, order.Status, order.CancellationRequestedAt is not null, [.. order.Lines.Select(l => l.Sku)])
            : null;
}
