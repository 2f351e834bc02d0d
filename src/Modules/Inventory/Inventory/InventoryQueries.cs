using Microsoft.EntityFrameworkCore;
using OrderManagement.Inventory.Contracts;
using OrderManagement.Inventory.Persistence;

namespace OrderManagement.Inventory;

internal sealed class InventoryQueries(InventoryDbContext db) : IInventoryQueries
{
    public async Task<IReadOnlyList<InventoryHistoryEntry>> GetOrderHistoryAsync(Guid orderId, CancellationToken cancellationToken) =>
        await db.History.AsNoTracking()
            .Where(h => h.OrderId == orderId)
            .OrderBy(h => h.Id)
            .Select(h => new InventoryHistoryEntry(h.TransactionId, h.OccurredAt, h.Event, h.FromState, h.ToState, h.Detail, h.TraceId))
            .ToListAsync(cancellationToken);

    public async Task<ReservationSnapshot?> GetReservationAsync(Guid orderId, CancellationToken cancellationToken)
    {
        var reservation = await db.Reservations.AsNoTracking()
            .Where(r => r.OrderId == orderId)
            .OrderByDescending(r => r.CreatedAt)
            .FirstOrDefaultAsync(cancellationToken);
        return reservation is null
            ? null
            : new ReservationSnapshot(reservation.Id, reservation.Status,
                [.. reservation.Lines.Select(l => new StockLine(l.Sku, l.Quantity))], reservation.UpdatedAt);
    }
}
