using Npgsql;
using OrderManagement.BuildingBlocks.Persistence;

namespace OrderManagement.BuildingBlocks.Messaging;

// What a module's outbox holds that is due now and since when (OutboxDue): scheduled rows (saga deadlines, retry
// backoff) are not late, so they do not count until their time comes; a row deferred after a lock wait counts from when
// it first became due; dead letters wait for an operator and are listed elsewhere.
internal sealed class OutboxBacklog(NpgsqlDataSource dataSource, TimeProvider time)
{
    private static readonly TimeSpan QueryTimeout = TimeSpan.FromSeconds(2);

    public async Task<OutboxBacklogSample> MeasureAsync(ModuleDescriptor module, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(QueryTimeout);
        await using var command = Command(module);
        await using var reader = await command.ExecuteReaderAsync(timeout.Token);
        return Sample(reader, await reader.ReadAsync(timeout.Token));
    }

    // For metric callbacks, which are synchronous.
    public OutboxBacklogSample Measure(ModuleDescriptor module)
    {
        using var command = Command(module);
        command.CommandTimeout = (int)QueryTimeout.TotalSeconds;
        using var reader = command.ExecuteReader();
        return Sample(reader, reader.Read());
    }

    // The schema comes from the module's registration, never from input.
    private NpgsqlCommand Command(ModuleDescriptor module)
    {
        var command = dataSource.CreateCommand($"""
            SELECT count(*) OVER (), {OutboxDue.Since}, consumer FROM {module.Schema}.outbox_messages
            WHERE {OutboxDue.At1} ORDER BY {OutboxDue.Since} LIMIT 1
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = time.GetUtcNow() });
        return command;
    }

    // No row: nothing is due.
    private OutboxBacklogSample Sample(NpgsqlDataReader reader, bool read)
    {
        if (!read)
        {
            return new OutboxBacklogSample(0, TimeSpan.Zero, null);
        }

        var age = time.GetUtcNow() - reader.GetFieldValue<DateTimeOffset>(1);
        return new OutboxBacklogSample(reader.GetInt64(0), age < TimeSpan.Zero ? TimeSpan.Zero : age, reader.GetString(2));
    }
}

// Due rows, how long the oldest of them has been due, and the module it waits to be taken by (null when none is due).
internal sealed record OutboxBacklogSample(long Due, TimeSpan OldestAge, string? OldestFor);
