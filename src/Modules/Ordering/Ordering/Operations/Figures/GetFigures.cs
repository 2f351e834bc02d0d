using MediatR;
using Microsoft.Extensions.Options;
using Npgsql;
using OrderManagement.BuildingBlocks.Application;
using OrderManagement.Ordering.Contracts;
using OrderManagement.Ordering.Operations.Stalls;
using OrderManagement.Ordering.Persistence;

namespace OrderManagement.Ordering.Operations.Figures;

internal sealed record GetFiguresQuery : IQuery<OrderFigures>;

// One round trip of aggregate queries over the ordering schema; the history index on (event, occurred_at) keeps the
// period counts from scanning the whole history.
internal sealed class GetFiguresHandler(NpgsqlDataSource dataSource, IOptionsMonitor<StallOptions> stalls, TimeProvider time)
    : IRequestHandler<GetFiguresQuery, OrderFigures>
{
    private const string S = OrderingDbContext.SchemaName;
    private static readonly string[] CountedEvents = ["OrderConfirmed", "OrderRejected", "OrderCancelled", "StepRetried", "OperatorRetry"];

    public async Task<OrderFigures> Handle(GetFiguresQuery query, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var hourAgo = now.AddHours(-1);
        var dayAgo = now.AddDays(-1);
        await using var batch = dataSource.CreateBatch();
        batch.BatchCommands.Add(new NpgsqlBatchCommand($"SELECT status, count(*) FROM {S}.orders GROUP BY status"));
        batch.BatchCommands.Add(new NpgsqlBatchCommand($"SELECT status, count(*) FROM {S}.fulfilment_sagas GROUP BY status"));
        batch.BatchCommands.Add(Command(
            $"""
            SELECT count(*) FILTER (WHERE o.created_at >= $1), count(*),
                   count(*) FILTER (WHERE o.status = 'Rejected' OR s.status = 'Failed')
            FROM {S}.orders o LEFT JOIN {S}.fulfilment_sagas s ON s.order_id = o.id
            WHERE o.created_at >= $2
            """, hourAgo, dayAgo));
        batch.BatchCommands.Add(Command(
            $"SELECT event, count(*) FILTER (WHERE occurred_at >= $1), count(*) FROM {S}.history WHERE event = ANY($3) AND occurred_at >= $2 GROUP BY event",
            hourAgo, dayAgo, CountedEvents));
        batch.BatchCommands.Add(Command(
            $"""
            SELECT count(*), percentile_cont(0.5) WITHIN GROUP (ORDER BY d), percentile_cont(0.95) WITHIN GROUP (ORDER BY d),
                   percentile_cont(0.99) WITHIN GROUP (ORDER BY d)
            FROM (SELECT extract(epoch FROM h.occurred_at - o.created_at)::float8 AS d
                  FROM {S}.history h JOIN {S}.orders o ON o.id = h.order_id
                  WHERE h.event = 'OrderConfirmed' AND h.occurred_at >= $1) confirmed
            """, dayAgo));

        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        var orders = await CountsAsync(reader, (OrderStatus status, long count) => new OrderStatusCount(status, count), cancellationToken);
        await reader.NextResultAsync(cancellationToken);
        var sagas = await CountsAsync(reader, (SagaStatus status, long count) => new SagaStatusCount(status, count), cancellationToken);
        await reader.NextResultAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        var (placedHour, placedDay, failedDay) = (reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2));
        await reader.NextResultAsync(cancellationToken);
        var events = new Dictionary<string, (long Hour, long Day)>();
        while (await reader.ReadAsync(cancellationToken))
        {
            events[reader.GetString(0)] = (reader.GetInt64(1), reader.GetInt64(2));
        }

        await reader.NextResultAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        var latency = new LatencyFigures(reader.GetInt64(0), NullableDouble(reader, 1), NullableDouble(reader, 2), NullableDouble(reader, 3));
        await reader.DisposeAsync();

        (long Hour, long Day) Of(string e) => events.GetValueOrDefault(e);
        return new OrderFigures(now, orders, sagas,
            new PeriodFigures(placedHour, Of("OrderConfirmed").Hour, Of("OrderRejected").Hour, Of("OrderCancelled").Hour),
            new PeriodFigures(placedDay, Of("OrderConfirmed").Day, Of("OrderRejected").Day, Of("OrderCancelled").Day),
            latency,
            Of("StepRetried").Day + Of("OperatorRetry").Day,
            placedDay == 0 ? null : (double)failedDay / placedDay,
            await StallQueries.CountAsync(dataSource, stalls.CurrentValue, now, cancellationToken));
    }

    private static NpgsqlBatchCommand Command(string sql, params object[] parameters)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = parameter });
        }

        return command;
    }

    // The status columns hold the enums' names (EF's string conversion).
    private static async Task<IReadOnlyList<TCount>> CountsAsync<TStatus, TCount>(
        NpgsqlDataReader reader, Func<TStatus, long, TCount> countOf, CancellationToken cancellationToken)
        where TStatus : struct, Enum
    {
        var counts = new List<TCount>();
        while (await reader.ReadAsync(cancellationToken))
        {
            counts.Add(countOf(Enum.Parse<TStatus>(reader.GetString(0)), reader.GetInt64(1)));
        }

        return counts;
    }

    private static double? NullableDouble(NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetDouble(ordinal);
}
