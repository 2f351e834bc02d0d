using System.Diagnostics;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using OrderManagement.BuildingBlocks.History;
using OrderManagement.BuildingBlocks.Messaging;

namespace OrderManagement.BuildingBlocks.Persistence;

// Base of every module's DbContext: its own schema, its outbox and inbox, and transactions that
// wake the module's dispatcher once they commit.
public abstract class ModuleDbContext : DbContext, IHistoryLog
{
    private readonly ModuleDbContextServices _services;
    private readonly List<Guid> _cancelledDeliveries = [];
    private readonly List<Action> _afterCommit = [];
    private readonly HashSet<string> _outboxConsumers = new(StringComparer.Ordinal);

    protected ModuleDbContext(DbContextOptions options, ModuleDbContextServices services)
        : base(options)
    {
        _services = services;

        // A failed SaveChanges is never followed by more work in the same transaction (it is rolled back whole),
        // so the savepoint EF would otherwise wrap around every SaveChanges inside a transaction is two wasted round trips.
        Database.AutoSavepointsEnabled = false;
    }

    public abstract string Schema { get; }

    public TimeProvider Time => _services.Time;

    internal DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();

    // Queues a message for every module that consumes it; it is saved with the aggregate's changes.
    // Returns the ids of the delivery rows (one per consuming module).
    public IReadOnlyList<Guid> Publish(object message, TimeSpan? delay = null)
    {
        var type = message.GetType();
        var consumers = _services.Routing.ConsumersOf(type);
        if (consumers.Count == 0)
        {
            throw new InvalidOperationException($"No module consumes {type.Name}; register a handler for it.");
        }

        var now = _services.Time.GetUtcNow();
        var messageId = Guid.CreateVersion7();
        var payload = JsonSerializer.Serialize(message, type, MessageSerializer.Options);
        var ids = new List<Guid>(consumers.Count);
        var typeName = _services.TypeMap.NameOf(type);
        foreach (var consumer in consumers)
        {
            var id = Guid.CreateVersion7();
            ids.Add(id);
            _outboxConsumers.Add(consumer);
            OutboxMessages.Add(new OutboxMessage
            {
                Id = id,
                MessageId = messageId,
                Consumer = consumer,
                Type = typeName,
                Payload = payload,
                OccurredAt = now,
                AvailableAt = now + (delay ?? TimeSpan.Zero),
                CorrelationId = CorrelationContext.Current,
                TraceParent = MessagingTelemetry.Send(consumer, typeName, messageId),
            });
        }

        return ids;
    }

    // Withdraws a scheduled delivery that is no longer needed (a deadline the process has moved past).
    // A row the dispatcher is delivering right now is locked and skipped; its handler will find it stale.
    public void CancelScheduled(Guid deliveryId) => _cancelledDeliveries.Add(deliveryId);

    public DbSet<HistoryRecord> History => Set<HistoryRecord>();

    // The entry carries the trace it happened in and is added to the current span as an event, so an order's timeline
    // and its trace point at each other.
    public void RecordHistory(Guid orderId, string subject, Guid subjectId, string @event, string? fromState, string? toState, string? detail = null)
    {
        var activity = Activity.Current;
        HistoryEvents.AddTo(activity, subject, @event, fromState, toState);
        History.Add(new HistoryRecord
        {
            OrderId = orderId,
            OccurredAt = _services.Time.GetUtcNow(),
            Subject = subject,
            SubjectId = subjectId,
            Event = @event,
            FromState = fromState,
            ToState = toState,
            Detail = detail,
            TraceId = activity?.TraceId.ToHexString(),
        });
    }

    // Runs once the transaction that holds this context's changes has committed (dropped if it rolls back), for
    // effects that must not count work that is undone, such as metrics.
    public void AfterCommit(Action action) => _afterCommit.Add(action);

    void IHistoryLog.Record(Guid orderId, string subject, Guid subjectId, string @event, string? fromState, string? toState, string? detail) =>
        RecordHistory(orderId, subject, subjectId, @event, fromState, toState, detail);

    public async Task<T> InTransactionAsync<T>(Func<Task<T>> work, CancellationToken cancellationToken)
    {
        if (Database.CurrentTransaction is not null)
        {
            return await work();
        }

        await using var transaction = await Database.BeginTransactionAsync(cancellationToken);
        var result = await work();
        await transaction.CommitAsync(cancellationToken);
        OnCommitted();
        return result;
    }

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        if (!DeferWithdrawals)
        {
            await WithdrawCancelledAsync(cancellationToken);
        }

        var written = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        if (Database.CurrentTransaction is null)
        {
            OnCommitted();
        }

        return written;
    }

    // Set while several messages share a transaction: their withdrawals go out in one statement before the commit.
    internal bool DeferWithdrawals { get; set; }

    internal async Task WithdrawCancelledAsync(CancellationToken cancellationToken)
    {
        if (_cancelledDeliveries.Count > 0)
        {
            var ids = _cancelledDeliveries.ToArray();
            _cancelledDeliveries.Clear();
            await Database.ExecuteSqlRawAsync(WithdrawSql(), [ids], cancellationToken);
        }
    }

    // Forgets everything queued by an attempt whose transaction was rolled back, so a retry starts clean.
    internal void ForgetPendingWork()
    {
        ChangeTracker.Clear();
        _cancelledDeliveries.Clear();
        _afterCommit.Clear();
    }

    // The schema comes from the module's own code, never from input.
    private string WithdrawSql() =>
        $"DELETE FROM {Schema}.outbox_messages WHERE id IN (SELECT id FROM {Schema}.outbox_messages WHERE id = ANY({{0}}) FOR UPDATE SKIP LOCKED)";

    // Wakes the delivery lanes the transaction wrote outbox rows for, and runs what waited for the commit.
    internal void OnCommitted()
    {
        if (_outboxConsumers.Count > 0)
        {
            var consumers = _outboxConsumers.ToArray();
            _outboxConsumers.Clear();
            _services.Signals.Notify(Schema, consumers);
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

    protected sealed override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasDefaultSchema(Schema);
        modelBuilder.MapMessaging();
        modelBuilder.MapHistory();
        ConfigureModel(modelBuilder);
    }

    protected abstract void ConfigureModel(ModelBuilder modelBuilder);
}
