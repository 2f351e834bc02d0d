using Npgsql;
using OrderManagement.BuildingBlocks.Persistence;

namespace OrderManagement.BuildingBlocks.Messaging;

// Dead letters stay in the outbox of the module that sent them; this reads them across modules and replays one.
public sealed partial class DeadLetterStore
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly IReadOnlyList<ModuleDescriptor> _modules;
    private readonly OutboxSignals _signals;
    private readonly TimeProvider _time;

    internal DeadLetterStore(NpgsqlDataSource dataSource, IEnumerable<ModuleDescriptor> modules, OutboxSignals signals, TimeProvider time)
    {
        _dataSource = dataSource;
        _modules = modules.ToList();
        _signals = signals;
        _time = time;
    }

    public async Task<IReadOnlyList<DeadLetter>> ListAsync(int limit, DateTimeOffset? afterFailedAt, Guid? afterId, CancellationToken cancellationToken)
    {
        var selects = _modules.Select(m =>
            $"SELECT id, consumer, type, attempts, last_error, dead_lettered_at, payload::text FROM {m.Schema}.outbox_messages " +
            "WHERE dead_lettered_at IS NOT NULL AND ($1::timestamptz IS NULL OR (dead_lettered_at, id) > ($1, $2))");
        await using var command = _dataSource.CreateCommand(
            string.Join(" UNION ALL ", selects) + " ORDER BY dead_lettered_at, id LIMIT $3");
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)afterFailedAt ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.TimestampTz });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)afterId ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Uuid });
        command.Parameters.Add(new NpgsqlParameter { Value = limit });
        var letters = new List<DeadLetter>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            letters.Add(new DeadLetter(reader.GetGuid(0), reader.GetString(1), reader.GetString(2), reader.GetInt32(3),
                reader.IsDBNull(4) ? null : reader.GetString(4), reader.GetFieldValue<DateTimeOffset>(5), reader.GetString(6)));
        }

        return letters;
    }

    // Removes dead letters that something else has made moot (an operator's retry sends their message again), on the
    // caller's connection so it commits or rolls back with the caller's transaction.
    public async Task DiscardAsync(NpgsqlConnection connection, IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken)
    {
        if (ids.Count == 0)
        {
            return;
        }

        foreach (var module in _modules)
        {
            await using var command = new NpgsqlCommand(
                $"DELETE FROM {module.Schema}.outbox_messages WHERE id = ANY($1) AND dead_lettered_at IS NOT NULL", connection);
            command.Parameters.Add(new NpgsqlParameter { Value = ids.ToArray() });
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    // Puts the message back in line with fresh attempts; null when no dead letter has that id.
    public async Task<DeadLetter?> ReplayAsync(Guid id, CancellationToken cancellationToken)
    {
        foreach (var module in _modules)
        {
            await using var command = _dataSource.CreateCommand(
                $"UPDATE {module.Schema}.outbox_messages SET dead_lettered_at = NULL, attempts = 0, available_at = $2 " +
                "WHERE id = $1 AND dead_lettered_at IS NOT NULL " +
                "RETURNING id, consumer, type, attempts, last_error, $2, payload::text");
            command.Parameters.Add(new NpgsqlParameter { Value = id });
            command.Parameters.Add(new NpgsqlParameter { Value = _time.GetUtcNow() });
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            if (await reader.ReadAsync(cancellationToken))
            {
                var letter = new DeadLetter(reader.GetGuid(0), reader.GetString(1), reader.GetString(2), reader.GetInt32(3),
                    reader.IsDBNull(4) ? null : reader.GetString(4), reader.GetFieldValue<DateTimeOffset>(5), reader.GetString(6));
                _signals.Notify(module.Schema);
                return letter;
            }
        }

        return null;
    }
}

public sealed record DeadLetter(Guid Id, string Module, string MessageType, int Attempts, string? LastError, DateTimeOffset FailedAt, string Payload);
