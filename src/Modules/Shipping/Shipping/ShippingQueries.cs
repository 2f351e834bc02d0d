using Microsoft.EntityFrameworkCore;
using OrderManagement.Shipping.Contracts;
using OrderManagement.Shipping.Persistence;

namespace OrderManagement.Shipping;

internal sealed class ShippingQueries(ShippingDbContext db) : IShippingQueries
{
    public async Task<IReadOnlyList<ShippingHistoryEntry>> GetOrderHistoryAsync(Guid orderId, CancellationToken cancellationToken) =>
        await db.History.AsNoTracking()
            .Where(h => h.OrderId == orderId)
            .OrderBy(h => h.Id)
            .Select(h => new ShippingHistoryEntry(h.TransactionId, h.OccurredAt, h.Event, h.FromState, h.ToState, h.Detail, h.TraceId))
            .ToListAsync(cancellationToken);

    public async Task<ShipmentSnapshot?> GetShipmentAsync(Guid orderId, CancellationToken cancellationToken) =>
        await db.Shipments.AsNoTracking()
            .Where(s => s.OrderId == orderId)
            .OrderByDescending(s => s.IsRemainder).ThenByDescending(s => s.CreatedAt)
            .Select(s => new ShipmentSnapshot(s.Id, s.Status, s.Carrier, s.TrackingNumber, s.UpdatedAt))
            .FirstOrDefaultAsync(cancellationToken);
}
