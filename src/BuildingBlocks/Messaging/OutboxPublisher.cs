using System.Text.Json;
using OrderManagement.BuildingBlocks.Persistence;

namespace OrderManagement.BuildingBlocks.Messaging;

// Publishes a module's messages through its outbox: one row per consuming module, added to the module's DbContext so
// that they are saved and committed with the aggregate's changes. Registered by AddModule, scoped like the context.
public sealed class OutboxPublisher<TContext>
    where TContext : ModuleDbContext
{
    private readonly TContext _db;
    private readonly PendingWork _work;
    private readonly MessageRouting _routing;
    private readonly MessageTypeMap _typeMap;
    private readonly TimeProvider _time;

    internal OutboxPublisher(TContext db, PendingWork work, MessageRouting routing, MessageTypeMap typeMap, TimeProvider time)
    {
        _db = db;
        _work = work;
        _routing = routing;
        _typeMap = typeMap;
        _time = time;
    }

    // Queues a message for every module that consumes it, delivered no earlier than delay from now (a deadline).
    // Returns the ids of the delivery rows (one per consuming module).
    public IReadOnlyList<Guid> Publish(object message, TimeSpan? delay = null)
    {
        var type = message.GetType();
        var consumers = _routing.ConsumersOf(type);
        if (consumers.Count == 0)
        {
            throw new InvalidOperationException($"No module consumes {type.Name}; register a handler for it.");
        }

        var now = _time.GetUtcNow();
        var messageId = Guid.CreateVersion7();
        var payload = JsonSerializer.Serialize(message, type, MessageSerializer.Options);
        var ids = new List<Guid>(consumers.Count);
        var typeName = _typeMap.NameOf(type);
        foreach (var consumer in consumers)
        {
            var id = Guid.CreateVersion7();
            ids.Add(id);
            if (delay is not { } wait || wait <= TimeSpan.Zero)
            {
                // A delayed row (a saga's deadline) is not due at the commit: waking its lane then would only open an empty
                // claim. The module's poll wakes the lane once the row falls due (OutboxPoll), as it always had to.
                _work.WroteOutboxFor(consumer);
            }

            _db.OutboxMessages.Add(new OutboxMessage
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

    // Withdraws a scheduled delivery that is no longer needed (a deadline the process has moved past), in the
    // transaction that saves the context's changes.
    public void CancelScheduled(Guid deliveryId) => _work.Withdraw(deliveryId);
}
