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

// TraceId: the W3C trace id (32 hex digits) of the request or message the change happened in, to look the trace up.
internal sealed record HistoryEntryView(int Sequence, DateTimeOffset OccurredAt, ModuleName Module, string Event, string? FromState, string? ToState, string? Detail, string? TraceId);

internal sealed record HistoryEntry(long TransactionId, DateTimeOffset OccurredAt, ModuleName Module, string Event, string? FromState, string? ToState, string? Detail, string? TraceId);

// Each module keeps its own append-only history; this merges them in the order of the transactions that recorded
// them and numbers them. Only entries below the horizon are shown, so a number once shown never changes and
// reading writes nothing.
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

        // Read before the entries: everything below it has committed or rolled back by then.
        var horizon = await HistoryHorizon.ReadAsync(db, cancellationToken);
        var ordering = await db.History.AsNoTracking().Where(h => h.OrderId == query.OrderId).OrderBy(h => h.Id)
            .Select(h => new HistoryEntry(h.TransactionId, h.OccurredAt, ModuleName.Ordering, h.Event, h.FromState, h.ToState, h.Detail, h.TraceId))
            .ToListAsync(cancellationToken);
        var fromInventory = (await inventory.GetOrderHistoryAsync(query.OrderId, cancellationToken))
            .Select(h => new HistoryEntry(h.TransactionId, h.OccurredAt, ModuleName.Inventory, h.Event, h.FromState, h.ToState, h.Detail, h.TraceId));
        var fromPayments = (await payments.GetOrderHistoryAsync(query.OrderId, cancellationToken))
            .Select(h => new HistoryEntry(h.TransactionId, h.OccurredAt, ModuleName.Payments, h.Event, h.FromState, h.ToState, h.Detail, h.TraceId));
        var fromShipping = (await shipping.GetOrderHistoryAsync(query.OrderId, cancellationToken))
            .Select(h => new HistoryEntry(h.TransactionId, h.OccurredAt, ModuleName.Shipping, h.Event, h.FromState, h.ToState, h.Detail, h.TraceId));

        // One transaction belongs to one module; OrderBy is stable, so its entries keep the order they were written in.
        // Entries recorded before transaction ids were kept all have 0 and are ordered by time.
        var entries = ordering.Concat(fromInventory).Concat(fromPayments).Concat(fromShipping)
            .Where(e => e.TransactionId < horizon)
            .OrderBy(e => e.TransactionId).ThenBy(e => e.OccurredAt)
            .Select((e, i) => new HistoryEntryView(i + 1, e.OccurredAt, e.Module, e.Event, e.FromState, e.ToState, e.Detail, e.TraceId))
            .ToList();
        return new OrderHistoryView(query.OrderId, entries);
    }
}
