using MediatR;
using Microsoft.EntityFrameworkCore;
using OrderManagement.BuildingBlocks.Application;
using OrderManagement.BuildingBlocks.Domain;
using OrderManagement.Inventory.Contracts;
using OrderManagement.Ordering.Persistence;
using OrderManagement.Payments.Contracts;
using OrderManagement.Shipping.Contracts;

namespace OrderManagement.Ordering.OrderHistory;

internal sealed record OrderHistoryQuery(Guid OrderId) : IQuery<OrderHistoryView>;

internal sealed record OrderHistoryView(Guid OrderId, IReadOnlyList<HistoryEntryView> Entries);

internal sealed record HistoryEntryView(int Sequence, DateTimeOffset OccurredAt, string Module, string Event, string? FromState, string? ToState, string? Detail);

// Each module keeps its own append-only history; this merges them by the time they happened and numbers them.
internal sealed class OrderHistoryHandler(
    OrderingDbContext db,
    IInventoryQueries inventory,
    IPaymentQueries payments,
    IShippingQueries shipping) : IRequestHandler<OrderHistoryQuery, OrderHistoryView>
{
    public async Task<OrderHistoryView> Handle(OrderHistoryQuery query, CancellationToken cancellationToken)
    {
        if (!await db.Orders.AnyAsync(o => o.Id == query.OrderId, cancellationToken))
        {
            throw new NotFoundException("Order", query.OrderId.ToString());
        }

        var ordering = await db.History.AsNoTracking().Where(h => h.OrderId == query.OrderId).OrderBy(h => h.Id)
            .Select(h => new HistoryEntry(h.OccurredAt, "Ordering", h.Event, h.FromState, h.ToState, h.Detail))
            .ToListAsync(cancellationToken);
        var fromInventory = (await inventory.GetOrderHistoryAsync(query.OrderId, cancellationToken))
            .Select(h => new HistoryEntry(h.OccurredAt, "Inventory", h.Event, h.FromState, h.ToState, h.Detail));
        var fromPayments = (await payments.GetOrderHistoryAsync(query.OrderId, cancellationToken))
            .Select(h => new HistoryEntry(h.OccurredAt, "Payments", h.Event, h.FromState, h.ToState, h.Detail));
        var fromShipping = (await shipping.GetOrderHistoryAsync(query.OrderId, cancellationToken))
            .Select(h => new HistoryEntry(h.OccurredAt, "Shipping", h.Event, h.FromState, h.ToState, h.Detail));

        // OrderBy is stable, so entries of one module with equal timestamps keep the order they were written in.
        var inTimeOrder = ordering.Concat(fromInventory).Concat(fromPayments).Concat(fromShipping)
            .OrderBy(e => e.OccurredAt)
            .ToList();
        return new OrderHistoryView(query.OrderId, await HistoryNumbering.NumberAsync(db, query.OrderId, inTimeOrder, cancellationToken));
    }
}
