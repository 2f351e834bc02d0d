using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using OrderManagement.BuildingBlocks.Messaging;
using OrderManagement.Inventory.Persistence;

namespace OrderManagement.Inventory.Stock;

// Before a group of stock messages runs in one transaction, locks every stock row it will update in SKU order, the order
// a single reservation takes its lines in: groups that share rows then queue instead of deadlocking (ADR 0014), and a
// group waits only for the rows it touches (under Messaging:LockTimeout), not for every other group.
internal sealed class StockRowLocks(InventoryDbContext db) : IMessageGroupLocks
{
    private const string Lock = "SELECT sku FROM " + InventoryDbContext.SchemaName + ".stock_items WHERE sku = ANY($1) ORDER BY sku COLLATE \"C\" FOR UPDATE";

    public async Task LockAsync(IReadOnlyList<object> messages, CancellationToken cancellationToken)
    {
        var skus = messages.OfType<Contracts.ReserveStock>().SelectMany(m => m.Lines).Select(l => l.Sku).ToHashSet(StringComparer.Ordinal);
        var heldBy = messages.Select(m => m switch
        {
            Contracts.ReleaseStock release => release.OrderId,
            Contracts.CommitStock commit => commit.OrderId,
            _ => Guid.Empty,
        }).Where(id => id != Guid.Empty).ToList();
        if (heldBy.Count > 0)
        {
            var held = await db.Reservations.AsNoTracking().Where(r => heldBy.Contains(r.OrderId)).ToListAsync(cancellationToken);
            skus.UnionWith(held.SelectMany(r => r.Lines).Select(l => l.Sku));
        }

        if (skus.Count == 0)
        {
            return;
        }

        var transaction = (NpgsqlTransaction)db.Database.CurrentTransaction!.GetDbTransaction();
        await using var command = new NpgsqlCommand(Lock, transaction.Connection, transaction);
        command.Parameters.Add(new NpgsqlParameter { Value = skus.Order(StringComparer.Ordinal).ToArray() });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
        }
    }
}
