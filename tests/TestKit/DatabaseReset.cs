using Npgsql;

namespace OrderManagement.TestKit;

// Empties every module table and the operators' records between tests (the Data Protection key ring stays); the migration journals stay, so the schema is not rebuilt.
public static class DatabaseReset
{
    private static readonly string[] Schemas = ["ordering", "inventory", "payments", "shipping", "operations"];

    public static async Task ResetAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = new NpgsqlCommand(
            "SELECT schemaname, tablename FROM pg_tables WHERE schemaname = ANY($1) AND tablename <> 'schema_migrations'", connection))
        {
            list.Parameters.Add(new NpgsqlParameter { Value = Schemas });
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                tables.Add($"\"{reader.GetString(0)}\".\"{reader.GetString(1)}\"");
            }
        }

        if (tables.Count == 0)
        {
            return;
        }

        // A host may still be delivering a message: its dispatcher holds outbox rows while the consumer, on another
        // connection, waits for a table TRUNCATE already holds. PostgreSQL cannot always see that cycle, so give up the locks
        // after a moment and try again once the delivery is through.
        await using var truncate = new NpgsqlCommand($"SET lock_timeout = '2s'; TRUNCATE {string.Join(", ", tables)} RESTART IDENTITY", connection);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await truncate.ExecuteNonQueryAsync();
                return;
            }
            catch (PostgresException ex) when (ex.SqlState is PostgresErrorCodes.LockNotAvailable or PostgresErrorCodes.DeadlockDetected && attempt < 10)
            {
            }
        }
    }
}
