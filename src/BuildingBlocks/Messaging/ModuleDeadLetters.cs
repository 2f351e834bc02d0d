using Npgsql;
using NpgsqlTypes;
using OrderManagement.BuildingBlocks.Persistence;

namespace OrderManagement.BuildingBlocks.Messaging;

// One module's dead letters: the messages it sent that delivery gave up on, kept in its own outbox. Each module
// registers one for its own schema (AddModule), and only this class reads or changes those rows, so replaying or
// discarding a dead letter is always done by the module that owns it (DeadLetterStore dispatches to it).
public sealed class ModuleDeadLetters
{
    private const string Columns = "id, consumer, type, attempts, last_error, dead_lettered_at, payload::text";

    private readonly ModuleDescriptor _owner;
    private readonly NpgsqlDataSource _dataSource;
    private readonly OutboxSignals _signals;
    private readonly TimeProvider _time;

    internal ModuleDeadLetters(ModuleDescriptor owner, NpgsqlDataSource dataSource, OutboxSignals signals, TimeProvider time)
    {
        _owner = owner;
        _dataSource = dataSource;
        _signals = signals;
        _time = time;
    }

    // The owning (sending) module's name, as in PendingMessage.From.
    public string Owner => _owner.Name;

    // Oldest first by (failed at, id), after the given position when one is given.
    public async Task<IReadOnlyList<DeadLetter>> ListAsync(int limit, DateTimeOffset? afterFailedAt, Guid? afterId, CancellationToken cancellationToken)
    {
        await using var command = _dataSource.CreateCommand(
            $"SELECT {Columns} FROM {_owner.Schema}.outbox_messages " +
            "WHERE dead_lettered_at IS NOT NULL AND ($1::timestamptz IS NULL OR (dead_lettered_at, id) > ($1, $2)) " +
            "ORDER BY dead_lettered_at, id LIMIT $3");
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)afterFailedAt ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)afterId ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Uuid });
        command.Parameters.Add(new NpgsqlParameter { Value = limit });
        return await ReadAsync(command, cancellationToken);
    }

    public async Task<DeadLetter?> GetAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var command = _dataSource.CreateCommand(
            $"SELECT {Columns} FROM {_owner.Schema}.outbox_messages WHERE id = $1 AND dead_lettered_at IS NOT NULL");
        command.Parameters.Add(new NpgsqlParameter { Value = id, NpgsqlDbType = NpgsqlDbType.Uuid });
        return (await ReadAsync(command, cancellationToken)).SingleOrDefault();
    }

    // Puts the message back in line with fresh attempts, on the caller's connection so it commits with the caller's record
    // of the replay: delivery cannot start (and record what it causes) before the replay's own history entry is written.
    // The caller wakes delivery after its commit (Wake). Null when this module holds no dead letter with that id.
    public async Task<DeadLetter?> ReplayAsync(NpgsqlConnection connection, Guid id, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            $"UPDATE {_owner.Schema}.outbox_messages SET dead_lettered_at = NULL, attempts = 0, available_at = $2, due_since = NULL " +
            "WHERE id = $1 AND dead_lettered_at IS NOT NULL " +
            "RETURNING id, consumer, type, attempts, last_error, $2, payload::text", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = id });
        command.Parameters.Add(new NpgsqlParameter { Value = _time.GetUtcNow() });
        return (await ReadAsync(command, cancellationToken)).SingleOrDefault();
    }

    // Wakes this module's delivery at once (after a replay has committed) instead of at its next poll.
    public void Wake() => _signals.Notify(_owner.Schema);

    // Removes dead letters that something else has made moot, on the caller's connection so it commits or rolls back
    // with the caller's transaction (every module's schema is in the one database).
    public async Task DiscardAsync(NpgsqlConnection connection, IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken)
    {
        if (ids.Count == 0)
        {
            return;
        }

        await using var command = new NpgsqlCommand(
            $"DELETE FROM {_owner.Schema}.outbox_messages WHERE id = ANY($1) AND dead_lettered_at IS NOT NULL", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = ids.ToArray() });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    // One row per dead letter with what the operators group it by (the kind of error is the exception type that
    // last_error starts with) and the order it concerns, if any.
    internal async Task<IReadOnlyList<DeadLetterSummary>> SummariesAsync(CancellationToken cancellationToken)
    {
        await using var command = _dataSource.CreateCommand(
            "SELECT consumer, type, split_part(coalesce(last_error, 'unknown'), ':', 1), id, payload->>'orderId', dead_lettered_at " +
            $"FROM {_owner.Schema}.outbox_messages WHERE dead_lettered_at IS NOT NULL");
        var summaries = new List<DeadLetterSummary>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            summaries.Add(new DeadLetterSummary(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetGuid(3),
                !reader.IsDBNull(4) && Guid.TryParse(reader.GetString(4), out var orderId) ? orderId : null,
                reader.GetFieldValue<DateTimeOffset>(5)));
        }

        return summaries;
    }

    private static async Task<IReadOnlyList<DeadLetter>> ReadAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        var letters = new List<DeadLetter>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            letters.Add(new DeadLetter(reader.GetGuid(0), reader.GetString(1), reader.GetString(2), reader.GetInt32(3),
                reader.IsDBNull(4) ? null : reader.GetString(4), reader.GetFieldValue<DateTimeOffset>(5), reader.GetString(6)));
        }

        return letters;
    }
}

internal sealed record DeadLetterSummary(string Module, string MessageType, string ErrorKind, Guid Id, Guid? OrderId, DateTimeOffset FailedAt);
