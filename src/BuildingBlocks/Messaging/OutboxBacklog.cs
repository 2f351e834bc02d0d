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
        await reader.ReadAsync(timeout.Token);
        return Sample(reader);
    }

    // For metric callbacks, which are synchronous.
    public OutboxBacklogSample Measure(ModuleDescriptor module)
    {
        using var command = Command(module);
        command.CommandTimeout = (int)QueryTimeout.TotalSeconds;
        using var reader = command.ExecuteReader();
        reader.Read();
        return Sample(reader);
    }

    // The schema comes from the module's registration, never from input.
    private NpgsqlCommand Command(ModuleDescriptor module)
    {
        var command = dataSource.CreateCommand(
            $"SELECT count(*), min({OutboxDue.Since}) FROM {module.Schema}.outbox_messages WHERE {OutboxDue.At1}");
        command.Parameters.Add(new NpgsqlParameter { Value = time.GetUtcNow() });
        return command;
    }

    private OutboxBacklogSample Sample(NpgsqlDataReader reader)
    {
        var oldest = reader.IsDBNull(1) ? (DateTimeOffset?)null : reader.GetFieldValue<DateTimeOffset>(1);
        var age = oldest is { } at ? time.GetUtcNow() - at : TimeSpan.Zero;
        return new OutboxBacklogSample(reader.GetInt64(0), age < TimeSpan.Zero ? TimeSpan.Zero : age);
    }
}

// Due rows and how long the oldest of them has been due.
internal sealed record OutboxBacklogSample(long Due, TimeSpan OldestAge);
