using Npgsql;
using OrderManagement.BuildingBlocks.Persistence;

namespace OrderManagement.BuildingBlocks.Messaging;

// The statements that open an attempt at a group of deliveries in the delivery's transaction (ADR 0025): its savepoint,
// its lock timeout (every statement of the attempt waits at most that long for a lock, LockContention) and the inbox
// insert, in as few round trips as the attempt allows.
internal sealed class AttemptStatements(IEnumerable<ModuleDescriptor> modules)
{
    // Schema names come from module registrations, never from input.
    private readonly Dictionary<string, string> _inboxInserts = modules.ToDictionary(m => m.Name,
        m => "INSERT INTO " + m.Schema + ".inbox_messages (message_id, consumer, handled_at) SELECT unnest($1), $2, $3 "
            + "ON CONFLICT DO NOTHING RETURNING message_id");

    public async Task BeginAsync(DeliveryTransaction delivery, string savepoint, string lockTimeout, CancellationToken cancellationToken)
    {
        await using var batch = new NpgsqlBatch(delivery.Connection, delivery.Transaction);
        batch.BatchCommands.Add(new NpgsqlBatchCommand("SAVEPOINT " + savepoint));
        batch.BatchCommands.Add(SetLockTimeout(lockTimeout));
        await batch.ExecuteNonQueryAsync(cancellationToken);
    }

    // Returns the ids of the messages this consumer had not handled before. With a savepoint the attempt begins here: the
    // savepoint and the lock timeout go in the same round trip as the insert.
    public async Task<HashSet<Guid>> RecordInInboxAsync(DeliveryTransaction delivery, ModuleDescriptor module, IReadOnlyList<OutboxEnvelope> envelopes,
        string? beginSavepoint, string lockTimeout, TimeProvider time, CancellationToken cancellationToken)
    {
        await using var batch = new NpgsqlBatch(delivery.Connection, delivery.Transaction);
        if (beginSavepoint is not null)
        {
            batch.BatchCommands.Add(new NpgsqlBatchCommand("SAVEPOINT " + beginSavepoint));
            batch.BatchCommands.Add(SetLockTimeout(lockTimeout));
        }

        var insert = new NpgsqlBatchCommand(_inboxInserts[module.Name]);
        insert.Parameters.Add(new NpgsqlParameter { Value = envelopes.Select(e => e.MessageId).ToArray() });
        insert.Parameters.Add(new NpgsqlParameter { Value = module.Name });
        insert.Parameters.Add(new NpgsqlParameter { Value = time.GetUtcNow() });
        batch.BatchCommands.Add(insert);
        var firstDeliveries = new HashSet<Guid>();
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        // The insert's rows are the last result, after the savepoint's and the setting's when those were sent.
        while (reader.FieldCount == 0 || reader.GetName(0) != "message_id")
        {
            if (!await reader.NextResultAsync(cancellationToken))
            {
                throw new InvalidOperationException("The inbox insert returned no result.");
            }
        }

        while (await reader.ReadAsync(cancellationToken))
        {
            firstDeliveries.Add(reader.GetGuid(0));
        }

        return firstDeliveries;
    }

    private static NpgsqlBatchCommand SetLockTimeout(string lockTimeout)
    {
        var command = new NpgsqlBatchCommand("SELECT set_config('lock_timeout', $1, true)");
        command.Parameters.Add(new NpgsqlParameter { Value = lockTimeout });
        return command;
    }
}
