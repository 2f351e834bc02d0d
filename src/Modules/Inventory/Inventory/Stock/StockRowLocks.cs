using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using OrderManagement.BuildingBlocks.Messaging;
using OrderManagement.Inventory.Persistence;

namespace OrderManagement.Inventory.Stock;

// Before a group of stock messages runs in one transaction, locks every stock row it will update, skipping rows another
// transaction holds (ADR 0014). The group never waits while holding rows, so groups cannot deadlock and a row locked
// elsewhere (another group, another host, a long report) delays only the messages that need it: they are left out and
// tried again soon, the rest commit at once.
internal sealed class StockRowLocks(InventoryDbContext db) : IMessageGroupLocks
{
    private const string Lock = "SELECT sku FROM " + InventoryDbContext.SchemaName + ".stock_items WHERE sku = ANY($1) FOR UPDATE SKIP LOCKED";

    // Rows that exist but were skipped above are held by another transaction; a SKU without a row is not busy.
    private const string Existing = "SELECT sku FROM " + InventoryDbContext.SchemaName + ".stock_items WHERE sku = ANY($1)";

    public async Task<IReadOnlySet<int>> LockAsync(IReadOnlyList<GroupMessage> messages, CancellationToken cancellationToken)
    {
        var skusOf = await SkusOfAsync(messages, cancellationToken);
        var wanted = skusOf.SelectMany(s => s).ToHashSet(StringComparer.Ordinal);
        if (wanted.Count == 0)
        {
            return new HashSet<int>();
        }

        var locked = await SelectAsync(Lock, wanted, cancellationToken);
        wanted.ExceptWith(locked);
        var busy = wanted.Count == 0 ? [] : await SelectAsync(Existing, wanted, cancellationToken);
        return Enumerable.Range(0, messages.Count).Where(i => skusOf[i].Overlaps(busy)).ToHashSet();
    }

    // The stock rows each message updates: a reservation its lines, a release or commit those of the order's reservation, a restock or a line
    // cancellation's release its lines.
    private async Task<List<HashSet<string>>> SkusOfAsync(IReadOnlyList<GroupMessage> messages, CancellationToken cancellationToken)
    {
        var heldBy = messages.Select(m => m.Message switch
        {
            Contracts.ReleaseStock release => release.OrderId,
            Contracts.CommitStock commit => commit.OrderId,
            _ => Guid.Empty,
        }).Where(id => id != Guid.Empty).ToList();
        List<Reservations.StockReservation> reservations = heldBy.Count == 0
            ? []
            : await db.Reservations.AsNoTracking().Where(r => heldBy.Contains(r.OrderId)).ToListAsync(cancellationToken);
        var held = reservations.ToLookup(r => r.OrderId, r => r.Lines.Select(l => l.Sku));
        return messages.Select(m => (m.Message switch
        {
            Contracts.ReserveStock reserve => reserve.Lines.Select(l => l.Sku),
            Contracts.ReleaseStock release => held[release.OrderId].SelectMany(s => s),
            Contracts.CommitStock commit => held[commit.OrderId].SelectMany(s => s),
            Contracts.RestockReturn restock => restock.Lines.Select(l => l.Sku),
            Contracts.ReleaseStockLines release => release.Lines.Select(l => l.Sku),
            _ => [],
        }).ToHashSet(StringComparer.Ordinal)).ToList();
    }

    private async Task<HashSet<string>> SelectAsync(string sql, HashSet<string> skus, CancellationToken cancellationToken)
    {
        // The message group's transaction: row locks taken outside one would end with the statement.
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction() as NpgsqlTransaction
            ?? throw new InvalidOperationException("Stock rows are locked inside the message group's transaction.");
        await using var command = new NpgsqlCommand(sql, transaction.Connection, transaction);
        command.Parameters.Add(new NpgsqlParameter { Value = skus.ToArray() });
        var found = new HashSet<string>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            found.Add(reader.GetString(0));
        }

        return found;
    }
}
