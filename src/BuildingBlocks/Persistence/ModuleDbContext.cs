using System.Diagnostics;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using OrderManagement.BuildingBlocks.History;
using OrderManagement.BuildingBlocks.Messaging;

namespace OrderManagement.BuildingBlocks.Persistence;

// Base of every module's DbContext: its own schema, its outbox and inbox, and transactions that
// wake the module's dispatcher once they commit.
public abstract class ModuleDbContext(DbContextOptions options, ModuleDbContextServices services) : DbContext(options)
{
    private readonly List<Guid> _cancelledDeliveries = [];
    private bool _outboxWritten;

    public abstract string Schema { get; }

    public TimeProvider Time => services.Time;

    internal DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();

    // Queues a message for every module that consumes it; it is saved with the aggregate's changes.
    // Returns the ids of the delivery rows (one per consuming module).
    public IReadOnlyList<Guid> Publish(object message, TimeSpan? delay = null)
    {
        var type = message.GetType();
        var consumers = services.Routing.ConsumersOf(type);
        if (consumers.Count == 0)
        {
            throw new InvalidOperationException($"No module consumes {type.Name}; register a handler for it.");
        }

        var now = services.Time.GetUtcNow();
        var messageId = Guid.CreateVersion7();
        var payload = JsonSerializer.Serialize(message, type, MessageSerializer.Options);
        var ids = new List<Guid>(consumers.Count);
        foreach (var consumer in consumers)
        {
            var id = Guid.CreateVersion7();
            ids.Add(id);
            OutboxMessages.Add(new OutboxMessage
            {
                Id = id,
                MessageId = messageId,
                Consumer = consumer,
                Type = services.TypeMap.NameOf(type),
                Payload = payload,
                OccurredAt = now,
                AvailableAt = now + (delay ?? TimeSpan.Zero),
                CorrelationId = CorrelationContext.Current,
                TraceParent = Activity.Current?.Id,
            });
        }

        _outboxWritten = true;
        return ids;
    }

    // Withdraws a scheduled delivery that is no longer needed (a deadline the process has moved past).
    // A row the dispatcher is delivering right now is locked and skipped; its handler will find it stale.
    public void CancelScheduled(Guid deliveryId) => _cancelledDeliveries.Add(deliveryId);

    public DbSet<HistoryRecord> History => Set<HistoryRecord>();

    public void RecordHistory(Guid orderId, string subject, Guid subjectId, string @event, string? fromState, string? toState, string? detail = null) =>
        History.Add(new HistoryRecord
        {
            OrderId = orderId,
            OccurredAt = services.Time.GetUtcNow(),
            Subject = subject,
            SubjectId = subjectId,
            Event = @event,
            FromState = fromState,
            ToState = toState,
            Detail = detail,
        });

    public async Task<T> InTransactionAsync<T>(Func<Task<T>> work, CancellationToken cancellationToken)
    {
        if (Database.CurrentTransaction is not null)
        {
            return await work();
        }

        await using var transaction = await Database.BeginTransactionAsync(cancellationToken);
        var result = await work();
        await transaction.CommitAsync(cancellationToken);
        WakeDispatcherIfNeeded();
        return result;
    }

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        if (_cancelledDeliveries.Count > 0)
        {
            var ids = _cancelledDeliveries.ToArray();
            _cancelledDeliveries.Clear();
            await Database.ExecuteSqlRawAsync(WithdrawSql(), [ids], cancellationToken);
        }

        var written = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        if (Database.CurrentTransaction is null)
        {
            WakeDispatcherIfNeeded();
        }

        return written;
    }

    // Forgets everything a delivery queued, so the next delivery in the same transaction starts clean.
    internal void ForgetPendingWork()
    {
        ChangeTracker.Clear();
        _cancelledDeliveries.Clear();
    }

    // The schema comes from the module's own code, never from input.
    private string WithdrawSql() =>
        $"DELETE FROM {Schema}.outbox_messages WHERE id IN (SELECT id FROM {Schema}.outbox_messages WHERE id = ANY({{0}}) FOR UPDATE SKIP LOCKED)";

    internal void WakeDispatcherIfNeeded()
    {
        if (_outboxWritten)
        {
            _outboxWritten = false;
            services.Signals.Notify(Schema);
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
