using MediatR;
using Microsoft.EntityFrameworkCore;
using OrderManagement.BuildingBlocks.Application;
using OrderManagement.BuildingBlocks.Web;
using OrderManagement.Ordering.Orders;
using OrderManagement.Ordering.Persistence;

namespace OrderManagement.Ordering.ListOrders;

// Held: only orders waiting in review (true) or only the others (false).
internal sealed record ListOrdersQuery(string? CustomerId, EnumFilter<OrderStatus>? Status, int? Limit, string? Cursor, bool? Held = null) : IQuery<OrderPage>;

internal sealed record OrderPage(IReadOnlyList<OrderView> Items, string? NextCursor);

// Keyset pages over the insertion sequence, newest first: rows inserted meanwhile never shift a page.
internal sealed class ListOrdersHandler(OrderingDbContext db, CursorCodec cursors) : IRequestHandler<ListOrdersQuery, OrderPage>
{
    public async Task<OrderPage> Handle(ListOrdersQuery query, CancellationToken cancellationToken)
    {
        var limit = query.Limit ?? 20;
        var orders = db.Orders.AsNoTracking();
        if (query.CustomerId is not null)
        {
            orders = orders.Where(o => o.CustomerId == query.CustomerId);
        }

        if (query.Status?.Value is { } status)
        {
            orders = orders.Where(o => o.Status == status);
        }

        if (query.Held is { } held)
        {
            orders = held ? orders.Where(o => o.HeldAt != null) : orders.Where(o => o.HeldAt == null);
        }

        if (query.Cursor is not null && cursors.TryDecodeSequence(query.Cursor, out var after))
        {
            orders = orders.Where(o => o.Sequence < after);
        }

        var page = await orders.OrderByDescending(o => o.Sequence).Take(limit + 1).ToListAsync(cancellationToken);
        var next = page.Count > limit ? cursors.EncodeSequence(page[limit - 1].Sequence) : null;
        return new OrderPage(page.Take(limit).Select(OrderView.From).ToList(), next);
    }
}
