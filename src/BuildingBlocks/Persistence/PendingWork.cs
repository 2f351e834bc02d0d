using Microsoft.EntityFrameworkCore;
using OrderManagement.BuildingBlocks.Messaging;

namespace OrderManagement.BuildingBlocks.Persistence;

// What one module DbContext's unit of work has queued besides its entities: the lanes it wrote outbox rows for, the
// scheduled deliveries it withdraws, and the actions that wait for its commit. One per context instance (scoped, keyed
// by the context's type); OutboxPublisher and AfterCommit fill it, PendingWorkInterceptors drain it.
internal sealed class PendingWork(OutboxSignals signals)
{
    private readonly List<Guid> _cancelledDeliveries = [];
    private readonly List<Action> _afterCommit = [];
    private readonly HashSet<string> _outboxConsumers = new(StringComparer.Ordinal);

    // Set while several messages share a transaction: their withdrawals go out in one statement before the commit.
    public bool DeferWithdrawals { get; set; }

    public void WroteOutboxFor(string consumer) => _outboxConsumers.Add(consumer);

    public void Withdraw(Guid deliveryId) => _cancelledDeliveries.Add(deliveryId);

    public void AfterCommit(Action action) => _afterCommit.Add(action);

    public async Task WithdrawCancelledAsync(ModuleDbContext db, CancellationToken cancellationToken)
    {
        if (_cancelledDeliveries.Count > 0)
        {
            var ids = _cancelledDeliveries.ToArray();
            _cancelledDeliveries.Clear();
            await db.Database.ExecuteSqlRawAsync(WithdrawSql(db.Schema), [ids], cancellationToken);
        }
    }

    // The withdrawals queued while they were deferred, for the delivery's closing statements (DeliveryTransaction).
    public Guid[] TakeWithdrawals()
    {
        var ids = _cancelledDeliveries.ToArray();
        _cancelledDeliveries.Clear();
        return ids;
    }

    // Forgets everything queued by an attempt whose transaction was rolled back, so a retry starts clean.
    public void Forget()
    {
        _cancelledDeliveries.Clear();
        _afterCommit.Clear();
    }

    // Wakes the delivery lanes the transaction wrote outbox rows for, and runs what waited for the commit.
    public void OnCommitted(string schema)
    {
        if (_outboxConsumers.Count > 0)
        {
            var consumers = _outboxConsumers.ToArray();
            _outboxConsumers.Clear();
            signals.Notify(schema, consumers);
        }

        if (_afterCommit.Count > 0)
        {
            var actions = _afterCommit.ToArray();
            _afterCommit.Clear();
            foreach (var action in actions)
            {
                action();
            }
        }
    }

    // A row the dispatcher is delivering right now is locked and skipped; its handler will find it stale.
    // The schema comes from the module's own code, never from input.
    private static string WithdrawSql(string schema) => WithdrawSql(schema, "{0}");

    // The same statement with Npgsql's positional parameter, for a batch.
    internal static string WithdrawSql(string schema, string ids) =>
        $"DELETE FROM {schema}.outbox_messages WHERE id IN (SELECT id FROM {schema}.outbox_messages WHERE id = ANY({ids}) FOR UPDATE SKIP LOCKED)";
}
