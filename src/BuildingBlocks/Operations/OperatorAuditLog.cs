using Npgsql;
using NpgsqlTypes;

namespace OrderManagement.BuildingBlocks.Operations;

// Every operator action (sign-in, repair, replay, setting change), newest first, with the operator's key name
// and reason. Kept in the operations schema; the order's own history records the repairs as well.
public sealed class OperatorAuditLog
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly TimeProvider _time;

    internal OperatorAuditLog(NpgsqlDataSource dataSource, TimeProvider time)
    {
        _dataSource = dataSource;
        _time = time;
    }

    public async Task RecordAsync(string @operator, string action, Guid? orderId, string? reason, string detail, CancellationToken cancellationToken)
    {
        await using var command = _dataSource.CreateCommand(
            $"INSERT INTO {OperationsSchema.Name}.audit (occurred_at, operator, action, order_id, reason, detail) VALUES ($1, $2, $3, $4, $5, $6)");
        command.Parameters.Add(new NpgsqlParameter { Value = _time.GetUtcNow() });
        command.Parameters.Add(new NpgsqlParameter { Value = @operator });
        command.Parameters.Add(new NpgsqlParameter { Value = action });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)orderId ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Uuid });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)reason ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter { Value = detail });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    // The newest entry of an action whose detail holds the given text (a replay's "(dead letter <id>)"), or null.
    public async Task<AuditEntry?> LatestAsync(string action, string detailHolds, CancellationToken cancellationToken)
    {
        await using var command = _dataSource.CreateCommand(
            $"SELECT id, occurred_at, operator, action, order_id, reason, detail FROM {OperationsSchema.Name}.audit " +
            "WHERE action = $1 AND strpos(detail, $2) > 0 ORDER BY id DESC LIMIT 1");
        command.Parameters.Add(new NpgsqlParameter { Value = action });
        command.Parameters.Add(new NpgsqlParameter { Value = detailHolds });
        return (await ReadAsync(command, cancellationToken)).SingleOrDefault();
    }

    // Newest first; beforeId pages backwards (pass the last entry's Id). orderId narrows to one order.
    public async Task<IReadOnlyList<AuditEntry>> ListAsync(int limit, long? beforeId, Guid? orderId, CancellationToken cancellationToken)
    {
        await using var command = _dataSource.CreateCommand(
            $"SELECT id, occurred_at, operator, action, order_id, reason, detail FROM {OperationsSchema.Name}.audit " +
            "WHERE ($1::bigint IS NULL OR id < $1) AND ($2::uuid IS NULL OR order_id = $2) ORDER BY id DESC LIMIT $3");
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)beforeId ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Bigint });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)orderId ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Uuid });
        command.Parameters.Add(new NpgsqlParameter { Value = limit });
        return await ReadAsync(command, cancellationToken);
    }

    private static async Task<IReadOnlyList<AuditEntry>> ReadAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        var entries = new List<AuditEntry>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            entries.Add(new AuditEntry(reader.GetInt64(0), reader.GetFieldValue<DateTimeOffset>(1), reader.GetString(2), reader.GetString(3),
                reader.IsDBNull(4) ? null : reader.GetGuid(4), reader.IsDBNull(5) ? null : reader.GetString(5), reader.GetString(6)));
        }

        return entries;
    }
}

public sealed record AuditEntry(long Id, DateTimeOffset OccurredAt, string Operator, string Action, Guid? OrderId, string? Reason, string Detail);
