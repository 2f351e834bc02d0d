using MediatR;
using Microsoft.EntityFrameworkCore;
using OrderManagement.BuildingBlocks.Application;
using OrderManagement.BuildingBlocks.Domain;
using OrderManagement.Ordering.Orders;
using OrderManagement.Ordering.Persistence;

namespace OrderManagement.Ordering.GetOrder;

internal sealed record GetOrderQuery(Guid OrderId) : IQuery<OrderView>;

internal sealed class GetOrderHandler(OrderingDbContext db) : IRequestHandler<GetOrderQuery, OrderView>
{
    public async Task<OrderView> Handle(GetOrderQuery query, CancellationToken cancellationToken)
    {
        var order = await db.Orders.AsNoTracking().FirstOrDefaultAsync(o => o.Id == query.OrderId, cancellationToken)
            ?? throw new NotFoundException("Order", query.OrderId.ToString());
        return OrderView.From(order);
    }
}
