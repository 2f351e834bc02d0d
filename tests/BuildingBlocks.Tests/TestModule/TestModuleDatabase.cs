using Npgsql;
using OrderManagement.TestKit;

namespace OrderManagement.BuildingBlocks.Tests.TestModule;

// Reads and empties the bbtest schema directly, as an operator would, without going through the module.
internal static class TestModuleDatabase
{
    // Before the host starts, so its dispatcher never sees what an earlier test left.
    public static async Task ResetAsync() =>
        await DatabaseReset.ResetAsync(await TestDatabase.ConnectionStringAsync(), [TestModuleDbContext.SchemaName]);

    public static async Task<int> CountNotesAsync(string text) =>
        (await QueryAsync("SELECT count(*)::int FROM bbtest.notes WHERE text = $1", r => r.GetInt32(0), text))[0];

    // How many transactions wrote the notes with these texts (each row's xmin is the transaction that inserted it).
    public static async Task<int> CountTransactionsOfNotesAsync(string[] texts) =>
        (await QueryAsync("SELECT count(DISTINCT xmin::text)::int FROM bbtest.notes WHERE text = ANY($1)", r => r.GetInt32(0), [texts]))[0];

    public static Task<List<OutboxRow>> OutboxRowsAsync(string text) =>
        QueryAsync(
            """
            SELECT consumer, type, attempts, last_error, available_at, dead_lettered_at
            FROM bbtest.outbox_messages WHERE payload->>'text' = $1 ORDER BY consumer
            """,
            r => new OutboxRow(r.GetString(0), r.GetString(1), r.GetInt32(2), r.IsDBNull(3) ? null : r.GetString(3),
                r.GetFieldValue<DateTimeOffset>(4), r.IsDBNull(5) ? null : r.GetFieldValue<DateTimeOffset>(5)),
            text);

    public static async Task<int> CountOutboxRowsAsync() =>
        (await QueryAsync("SELECT count(*)::int FROM bbtest.outbox_messages", r => r.GetInt32(0)))[0];

    public static Task<List<JournalRow>> JournalAsync(string schema) =>
        QueryAsync(
            $"SELECT version, applied_at FROM {schema}.schema_migrations ORDER BY version",
            r => new JournalRow(r.GetString(0), r.GetFieldValue<DateTimeOffset>(1)));

    public static async Task ExecuteAsync(string sql)
    {
        await using var connection = await OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<List<T>> QueryAsync<T>(string sql, Func<NpgsqlDataReader, T> read, params object[] parameters)
    {
        await using var connection = await OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = parameter });
        }

        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<T>();
        while (await reader.ReadAsync())
        {
            rows.Add(read(reader));
        }

        return rows;
    }

    private static async Task<NpgsqlConnection> OpenAsync()
    {
        var connection = new NpgsqlConnection(await TestDatabase.ConnectionStringAsync());
        await connection.OpenAsync();
        return connection;
    }
}

internal sealed record OutboxRow(
    string Consumer, string Type, int Attempts, string? LastError, DateTimeOffset AvailableAt, DateTimeOffset? DeadLetteredAt);

internal sealed record JournalRow(string Version, DateTimeOffset AppliedAt);
