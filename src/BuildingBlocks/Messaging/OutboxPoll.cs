using Npgsql;

namespace OrderManagement.BuildingBlocks.Messaging;

// The fallback for wake-ups that never come (rows that became due by time: backoff, delays; rows another host wrote):
// one query per module and poll interval finds the lanes that have due rows, instead of one claim per lane.
internal static class OutboxPoll
{
    // The schema comes from the module registration, never from input. "" stands for consumers this host does not know.
    public static async Task<List<string>> LanesWithDueRowsAsync(NpgsqlDataSource dataSource, string schema, string[] knownConsumers,
        DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            $"""
            SELECT c FROM unnest($1::text[]) AS c
            WHERE EXISTS (SELECT 1 FROM {schema}.outbox_messages o WHERE o.consumer = c AND o.dead_lettered_at IS NULL AND o.available_at <= $2)
            UNION ALL
            SELECT '' WHERE EXISTS (SELECT 1 FROM {schema}.outbox_messages o
                WHERE o.consumer <> ALL($1) AND o.dead_lettered_at IS NULL AND o.available_at <= $2)
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = knownConsumers });
        command.Parameters.Add(new NpgsqlParameter { Value = now });
        var lanes = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            lanes.Add(reader.GetString(0));
        }

        return lanes;
    }
}
