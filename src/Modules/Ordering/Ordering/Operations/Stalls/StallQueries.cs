using Npgsql;
using NpgsqlTypes;
using OrderManagement.Ordering.Fulfilment;
using OrderManagement.Ordering.Persistence;

namespace OrderManagement.Ordering.Operations.Stalls;

// Reads the sagas that may be stalled: unfinished ones whose current step started longer ago than its normal wait,
// and failed ones. A step's start is its StepStarted (or an operator's retry) in the order's history.
internal static class StallQueries
{
    private const string From = $"""
        FROM {OrderingDbContext.SchemaName}.fulfilment_sagas s
        CROSS JOIN LATERAL (
            SELECT coalesce(max(h.occurred_at), s.started_at) AS since FROM {OrderingDbContext.SchemaName}.history h
            WHERE h.order_id = s.order_id AND h.event IN ('StepStarted', 'OperatorRetry')) w
        JOIN unnest($1::text[], $2::float8[]) AS n(step, seconds) ON n.step = s.current_step
        WHERE s.status IN ('Running', 'Compensating', 'Failed')
          AND (s.status = 'Failed' OR w.since < $3 - make_interval(secs => n.seconds))
        """;

    public static async Task<IReadOnlyList<SagaWait>> PageAsync(NpgsqlDataSource dataSource, StallOptions options, DateTimeOffset now,
        (DateTimeOffset Since, Guid OrderId)? after, int limit, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT s.order_id, s.status, s.current_step, s.attempts, s.last_error, s.next_attempt_at, w.since " + From +
            " AND ($4::timestamptz IS NULL OR (w.since, s.order_id) > ($4, $5)) ORDER BY w.since, s.order_id LIMIT $6");
        AddThresholds(command, options, now);
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)after?.Since ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)after?.OrderId ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Uuid });
        command.Parameters.Add(new NpgsqlParameter { Value = limit });
        var waits = new List<SagaWait>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            waits.Add(new SagaWait(reader.GetGuid(0), Enum.Parse<SagaStatus>(reader.GetString(1)), Enum.Parse<SagaStep>(reader.GetString(2)),
                reader.GetInt32(3), reader.IsDBNull(4) ? null : reader.GetString(4),
                reader.IsDBNull(5) ? null : reader.GetFieldValue<DateTimeOffset>(5), reader.GetFieldValue<DateTimeOffset>(6)));
        }

        return waits;
    }

    public static async Task<long> CountAsync(NpgsqlDataSource dataSource, StallOptions options, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("SELECT count(*) " + From);
        AddThresholds(command, options, now);
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    public static async Task<DateTimeOffset> StepStartedAsync(NpgsqlDataSource dataSource, FulfilmentSaga saga, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            $"SELECT max(occurred_at) FROM {OrderingDbContext.SchemaName}.history WHERE order_id = $1 AND event IN ('StepStarted', 'OperatorRetry')");
        command.Parameters.Add(new NpgsqlParameter { Value = saga.OrderId });
        return await command.ExecuteScalarAsync(cancellationToken) is DateTime utc
            ? new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc))
            : saga.StartedAt;
    }

    private static void AddThresholds(NpgsqlCommand command, StallOptions options, DateTimeOffset now)
    {
        var steps = Enum.GetValues<SagaStep>().Where(s => s != SagaStep.None).ToArray();
        command.Parameters.Add(new NpgsqlParameter { Value = steps.Select(s => s.ToString()).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = steps.Select(s => options.NormalWaitFor(s).TotalSeconds).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = now });
    }
}
