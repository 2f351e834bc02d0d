using MediatR;
using Microsoft.EntityFrameworkCore;
using OrderManagement.BuildingBlocks.Application;
using OrderManagement.BuildingBlocks.Domain;
using OrderManagement.Ordering.Persistence;

namespace OrderManagement.Ordering.Returns;

internal sealed record GetReturnQuery(Guid ReturnId) : IQuery<ReturnView>;

internal sealed record GetOrderReturnsQuery(Guid OrderId) : IQuery<OrderReturnsView>;

internal sealed class GetReturnHandler(OrderingDbContext db) : IRequestHandler<GetReturnQuery, ReturnView>
{
    public async Task<ReturnView> Handle(GetReturnQuery query, CancellationToken cancellationToken) =>
        ReturnView.From(await db.Returns.AsNoTracking().FirstOrDefaultAsync(r => r.Id == query.ReturnId, cancellationToken)
            ?? throw new NotFoundException("Return", query.ReturnId.ToString()));
}

// Oldest first, as they were requested.
internal sealed class GetOrderReturnsHandler(OrderingDbContext db) : IRequestHandler<GetOrderReturnsQuery, OrderReturnsView>
{
    public async Task<OrderReturnsView> Handle(GetOrderReturnsQuery query, CancellationToken cancellationToken)
    {
        if (!await db.Orders.AnyAsync(o => o.Id == query.OrderId, cancellationToken))
        {
            throw new NotFoundException("Order", query.OrderId.ToString());
        }

        var returns = await db.Returns.AsNoTracking().Where(r => r.OrderId == query.OrderId)
            .OrderBy(r => r.CreatedAt).ThenBy(r => r.Id).ToListAsync(cancellationToken);
        return new OrderReturnsView(query.OrderId, [.. returns.Select(ReturnView.From)]);
    }
}
