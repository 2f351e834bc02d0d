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
            .Select(h => new InventoryHistoryEntry(h.TransactionId, h.OccurredAt, h.Event, h.FromState, h.ToState, h.Detail))
            .ToListAsync(cancellationToken);
}
