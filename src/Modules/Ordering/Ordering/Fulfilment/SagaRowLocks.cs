using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using OrderManagement.BuildingBlocks.Messaging;
using OrderManagement.Ordering.Persistence;

namespace OrderManagement.Ordering.Fulfilment;

// Before a group of messages about several orders runs in one transaction, locks each order's row and its saga's row,
// skipping those another transaction holds (ADR 0014). Without it two groups (say Inventory's replies and Payments'
// replies) that touch the same two orders in opposite order deadlock on ordering.fulfilment_sagas under a backlog; with
// it a group never waits while holding rows, and the messages of a busy order are left out and tried again soon.
internal sealed class SagaRowLocks(OrderingDbContext db) : IMessageGroupLocks
{
    private const string Lock = $"""
        SELECT o.id FROM {OrderingDbContext.SchemaName}.orders o
        JOIN {OrderingDbContext.SchemaName}.fulfilment_sagas s ON s.order_id = o.id
        WHERE o.id = ANY($1) FOR UPDATE OF o, s SKIP LOCKED
        """;

    // Orders that exist but were skipped above are held by another transaction; an unknown order is not busy.
    private const string Existing = $"SELECT id FROM {OrderingDbContext.SchemaName}.orders WHERE id = ANY($1)";

    // Each message's handler updates the rows of the order the message names.
    public async Task<IReadOnlySet<int>> LockAsync(IReadOnlyList<GroupMessage> messages, CancellationToken cancellationToken)
    {
        var wanted = messages.Select(m => m.OrderId).OfType<Guid>().ToHashSet();
        if (wanted.Count == 0 || db.Database.CurrentTransaction?.GetDbTransaction() is not NpgsqlTransaction transaction)
        {
            return new HashSet<int>();
        }

        wanted.ExceptWith(await SelectAsync(transaction, Lock, wanted, cancellationToken));
        var busy = wanted.Count == 0 ? [] : await SelectAsync(transaction, Existing, wanted, cancellationToken);
        return Enumerable.Range(0, messages.Count).Where(i => messages[i].OrderId is { } id && busy.Contains(id)).ToHashSet();
    }

    private static async Task<HashSet<Guid>> SelectAsync(NpgsqlTransaction transaction, string sql, HashSet<Guid> orderIds, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, transaction.Connection, transaction);
        command.Parameters.Add(new NpgsqlParameter { Value = orderIds.ToArray() });
        var found = new HashSet<Guid>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            found.Add(reader.GetGuid(0));
        }

        return found;
    }
}
