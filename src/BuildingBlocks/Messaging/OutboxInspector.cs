using Npgsql;
using NpgsqlTypes;
using OrderManagement.BuildingBlocks.Persistence;

namespace OrderManagement.BuildingBlocks.Messaging;

// Operators' view of every module's outbox: how much waits to be delivered, for how long, and what is about one order.
public sealed class OutboxInspector
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly IReadOnlyList<ModuleDescriptor> _modules;
    private readonly TimeProvider _time;

    internal OutboxInspector(NpgsqlDataSource dataSource, IEnumerable<ModuleDescriptor> modules, TimeProvider time)
    {
        _dataSource = dataSource;
        _modules = modules.ToList();
        _time = time;
    }

    // Per sending module: Due = deliverable now and not delivered; Retrying = failed at least once, waiting for the
    // next attempt; Scheduled = deadlines and other delayed messages not due yet; OldestDueSeconds = how long the
    // oldest due message has been waiting (null when none is due).
    public async Task<IReadOnlyList<OutboxFigures>> FiguresAsync(CancellationToken cancellationToken)
    {
        var selects = _modules.Select((m, i) =>
            $"""
            SELECT {i}, count(*) FILTER (WHERE {OutboxDue.At1}),
                   count(*) FILTER (WHERE dead_lettered_at IS NULL AND attempts > 0),
                   count(*) FILTER (WHERE dead_lettered_at IS NULL AND available_at > $1 AND due_since IS NULL AND attempts = 0),
                   extract(epoch FROM $1 - min({OutboxDue.Since}) FILTER (WHERE {OutboxDue.At1}))::float8,
                   count(*) FILTER (WHERE dead_lettered_at IS NOT NULL)
            FROM {m.Schema}.outbox_messages
            """);
        await using var command = _dataSource.CreateCommand(string.Join(" UNION ALL ", selects));
        command.Parameters.Add(new NpgsqlParameter { Value = _time.GetUtcNow() });
        var figures = new List<OutboxFigures>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            figures.Add(new OutboxFigures(_modules[reader.GetInt32(0)].Name, reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3),
                reader.IsDBNull(4) ? null : reader.GetDouble(4), reader.GetInt64(5)));
        }

        return figures;
    }

    // Every undelivered or dead-lettered message whose payload names this order ("orderId"), oldest first.
    public async Task<IReadOnlyList<PendingMessage>> AboutOrderAsync(Guid orderId, CancellationToken cancellationToken)
    {
        var selects = _modules.Select((m, i) =>
            $"SELECT {i}, id, consumer, type, attempts, last_error, occurred_at, available_at, dead_lettered_at " +
            $"FROM {m.Schema}.outbox_messages WHERE payload->>'orderId' = $1");
        await using var command = _dataSource.CreateCommand(string.Join(" UNION ALL ", selects) + " ORDER BY 7, 2");
        command.Parameters.Add(new NpgsqlParameter { Value = orderId.ToString(), NpgsqlDbType = NpgsqlDbType.Text });
        var messages = new List<PendingMessage>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            messages.Add(new PendingMessage(reader.GetGuid(1), _modules[reader.GetInt32(0)].Name, reader.GetString(2), reader.GetString(3),
                reader.GetInt32(4), reader.IsDBNull(5) ? null : reader.GetString(5), reader.GetFieldValue<DateTimeOffset>(6),
                reader.GetFieldValue<DateTimeOffset>(7), reader.IsDBNull(8) ? null : reader.GetFieldValue<DateTimeOffset>(8)));
        }

        return messages;
    }
}

public sealed record OutboxFigures(string Module, long Due, long Retrying, long Scheduled, double? OldestDueSeconds, long DeadLetters);

// From is the sending module, To the consuming one. DeadLetteredAt is set when delivery gave up.
public sealed record PendingMessage(
    Guid Id, string From, string To, string MessageType, int Attempts, string? LastError, DateTimeOffset OccurredAt,
    DateTimeOffset AvailableAt, DateTimeOffset? DeadLetteredAt);
