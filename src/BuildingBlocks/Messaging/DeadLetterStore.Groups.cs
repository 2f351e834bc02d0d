using Npgsql;
using NpgsqlTypes;

namespace OrderManagement.BuildingBlocks.Messaging;

public sealed partial class DeadLetterStore
{
    public async Task<DeadLetter?> GetAsync(Guid id, CancellationToken cancellationToken)
    {
        var selects = _modules.Select(m =>
            $"SELECT id, consumer, type, attempts, last_error, dead_lettered_at, payload::text FROM {m.Schema}.outbox_messages " +
            "WHERE id = $1 AND dead_lettered_at IS NOT NULL");
        await using var command = _dataSource.CreateCommand(string.Join(" UNION ALL ", selects));
        command.Parameters.Add(new NpgsqlParameter { Value = id, NpgsqlDbType = NpgsqlDbType.Uuid });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new DeadLetter(reader.GetGuid(0), reader.GetString(1), reader.GetString(2), reader.GetInt32(3),
                reader.IsDBNull(4) ? null : reader.GetString(4), reader.GetFieldValue<DateTimeOffset>(5), reader.GetString(6))
            : null;
    }

    // Dead letters grouped by the module that failed to handle them, the message type and the kind of error (the
    // exception type that last_error starts with), largest group first, with the letters and the orders they concern.
    public async Task<IReadOnlyList<DeadLetterGroup>> GroupsAsync(CancellationToken cancellationToken)
    {
        var selects = _modules.Select(m =>
            $"SELECT consumer, type, split_part(coalesce(last_error, 'unknown'), ':', 1) AS kind, id, payload->>'orderId' AS order_id, dead_lettered_at " +
            $"FROM {m.Schema}.outbox_messages WHERE dead_lettered_at IS NOT NULL");
        await using var command = _dataSource.CreateCommand(
            $"SELECT consumer, type, kind, count(*), array_agg(id ORDER BY dead_lettered_at), " +
            $"array_remove(array_agg(DISTINCT order_id), NULL), min(dead_lettered_at), max(dead_lettered_at) " +
            $"FROM ({string.Join(" UNION ALL ", selects)}) letters GROUP BY consumer, type, kind ORDER BY count(*) DESC, consumer, type, kind");
        var groups = new List<DeadLetterGroup>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            groups.Add(new DeadLetterGroup(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetInt64(3),
                reader.GetFieldValue<Guid[]>(4),
                [.. reader.GetFieldValue<string[]>(5).Select(id => Guid.TryParse(id, out var orderId) ? orderId : Guid.Empty).Where(id => id != Guid.Empty)],
                reader.GetFieldValue<DateTimeOffset>(6), reader.GetFieldValue<DateTimeOffset>(7)));
        }

        return groups;
    }
}

// Module is the consuming module that could not handle the messages; ErrorKind the exception type of the last error.
public sealed record DeadLetterGroup(
    string Module, string MessageType, string ErrorKind, long Count, IReadOnlyList<Guid> LetterIds, IReadOnlyList<Guid> OrderIds,
    DateTimeOffset FirstFailedAt, DateTimeOffset LastFailedAt);
