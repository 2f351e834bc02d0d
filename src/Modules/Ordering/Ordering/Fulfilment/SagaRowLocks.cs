using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using OrderManagement.BuildingBlocks.Messaging;
using OrderManagement.Ordering.Persistence;
using OrderManagement.Ordering.Review;
using OrderManagement.Inventory.Contracts;
using OrderManagement.Payments.Contracts;
using OrderManagement.Shipping.Contracts;

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

    public async Task<IReadOnlySet<int>> LockAsync(IReadOnlyList<object?> messages, CancellationToken cancellationToken)
    {
        var orderOf = messages.Select(OrderIdOf).ToList();
        var wanted = orderOf.OfType<Guid>().ToHashSet();
        if (wanted.Count == 0 || db.Database.CurrentTransaction?.GetDbTransaction() is not NpgsqlTransaction transaction)
        {
            return new HashSet<int>();
        }

        wanted.ExceptWith(await SelectAsync(transaction, Lock, wanted, cancellationToken));
        var busy = wanted.Count == 0 ? [] : await SelectAsync(transaction, Existing, wanted, cancellationToken);
        return Enumerable.Range(0, messages.Count).Where(i => orderOf[i] is { } id && busy.Contains(id)).ToHashSet();
    }

    // The order whose rows a message's handler updates; null for a message about no single order.
    internal static Guid? OrderIdOf(object? message) => message switch
    {
        StockReserved m => m.OrderId,
        StockReservationRejected m => m.OrderId,
        StockReleased m => m.OrderId,
        PaymentAuthorized m => m.OrderId,
        PaymentDeclined m => m.OrderId,
        PaymentFailed m => m.OrderId,
        PaymentVoided m => m.OrderId,
        PaymentAttemptFailed m => m.OrderId,
        PaymentCaptured m => m.OrderId,
        PaymentRefunded m => m.OrderId,
        RefundRefused m => m.OrderId,
        ShipmentCreated m => m.OrderId,
        ShipmentCancelled m => m.OrderId,
        ShipmentCancellationRefused m => m.OrderId,
        ShipmentDispatched m => m.OrderId,
        ShipmentDelivered m => m.OrderId,
        ShipmentSplit m => m.OrderId,
        ShipmentLinesCancelled m => m.OrderId,
        ShipmentLinesCancellationRefused m => m.OrderId,
        FulfilmentDeadline m => m.OrderId,
        ReviewOrder m => m.OrderId,
        _ => null,
    };

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
