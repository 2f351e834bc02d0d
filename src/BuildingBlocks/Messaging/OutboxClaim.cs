using Npgsql;

namespace OrderManagement.BuildingBlocks.Messaging;

// Outbox rows taken for one delivery. Rows are claimed with FOR UPDATE SKIP LOCKED in a transaction that stays open
// until their outcome is recorded, so several hosts share the work and a crash simply releases the claim (ADR 0014).
internal sealed class OutboxClaim(NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<OutboxEnvelope> envelopes)
    : IAsyncDisposable
{
    public IReadOnlyList<OutboxEnvelope> Envelopes => envelopes;

    public NpgsqlConnection Connection => connection;

    public NpgsqlTransaction Transaction => transaction;

    // Null when the lane has nothing due (the connection is returned to the pool at once).
    public static async Task<OutboxClaim?> TakeAsync(NpgsqlDataSource dataSource, string schema, OutboxLane lane, int limit,
        DateTimeOffset now, CancellationToken cancellationToken)
    {
        var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        try
        {
            var transaction = await connection.BeginTransactionAsync(cancellationToken);
            var envelopes = await SelectAsync(connection, transaction, schema, lane, limit, now, cancellationToken);
            if (envelopes.Count > 0)
            {
                return new OutboxClaim(connection, transaction, envelopes);
            }

            await transaction.CommitAsync(cancellationToken);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }

        await connection.DisposeAsync();
        return null;
    }

    public async ValueTask DisposeAsync()
    {
        await transaction.DisposeAsync();
        await connection.DisposeAsync();
    }

    // The schema comes from the module registration, never from input.
    private static async Task<List<OutboxEnvelope>> SelectAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string schema,
        OutboxLane lane, int limit, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var consumerFilter = lane.Consumer is null ? "consumer <> ALL($3)" : "consumer = $3";
        await using var command = new NpgsqlCommand(
            $"""
            SELECT id, message_id, consumer, type, payload::text, attempts, correlation_id, trace_parent
            FROM {schema}.outbox_messages
            WHERE {consumerFilter} AND dead_lettered_at IS NULL AND available_at <= $1
            ORDER BY available_at
            LIMIT $2
            FOR UPDATE SKIP LOCKED
            """, connection, transaction);
        command.Parameters.Add(new NpgsqlParameter { Value = now });
        command.Parameters.Add(new NpgsqlParameter { Value = limit });
        command.Parameters.Add(lane.Consumer is null ? new NpgsqlParameter { Value = lane.KnownConsumers } : new NpgsqlParameter { Value = lane.Consumer });
        var envelopes = new List<OutboxEnvelope>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            envelopes.Add(new OutboxEnvelope(
                reader.GetGuid(0), reader.GetGuid(1), reader.GetString(2), reader.GetString(3), reader.GetString(4),
                reader.GetInt32(5), reader.IsDBNull(6) ? null : reader.GetString(6), reader.IsDBNull(7) ? null : reader.GetString(7)));
        }

        return envelopes;
    }
}
