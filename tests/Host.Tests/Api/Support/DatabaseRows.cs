using Npgsql;

namespace OrderManagement.Host.Tests.Api.Support;

// Counts the rows of every module table (orders, idempotency keys, stock, outboxes, histories, ...) straight from
// PostgreSQL, plus a checksum of the stock levels, so a test can prove that a request wrote nothing.
public sealed class DatabaseRows : IAsyncDisposable
{
    private static readonly string[] Schemas = ["ordering", "inventory", "payments", "shipping"];
    private readonly NpgsqlConnection _connection;
    private readonly string _query;

    private DatabaseRows(NpgsqlConnection connection, string query)
    {
        _connection = connection;
        _query = query;
    }

    public static async Task<DatabaseRows> OpenAsync(string connectionString)
    {
        var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = new NpgsqlCommand(
            "SELECT schemaname || '.' || tablename FROM pg_tables WHERE schemaname = ANY($1) AND tablename <> 'schema_migrations' ORDER BY 1", connection))
        {
            list.Parameters.Add(new NpgsqlParameter { Value = Schemas });
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        // The brief's tables must be among them, or the check proves nothing.
        foreach (var required in (string[])["ordering.orders", "ordering.idempotency_keys", "inventory.stock_items",
                     "ordering.outbox_messages", "inventory.outbox_messages", "payments.outbox_messages", "shipping.outbox_messages"])
        {
            tables.ShouldContain(required);
        }

        var counts = tables.Select(t => $"SELECT '{t}', count(*) FROM {t}");
        var stock = "SELECT 'inventory.stock_items (levels)', coalesce(sum(hashtext(sku || ':' || on_hand || ':' || reserved)), 0) FROM inventory.stock_items";
        return new DatabaseRows(connection, string.Join(" UNION ALL ", counts.Append(stock)));
    }

    public async Task<IReadOnlyDictionary<string, long>> SnapshotAsync()
    {
        var snapshot = new SortedDictionary<string, long>(StringComparer.Ordinal);
        await using var command = new NpgsqlCommand(_query, _connection);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            snapshot[reader.GetString(0)] = reader.GetInt64(1);
        }

        return snapshot;
    }

    public static string Difference(IReadOnlyDictionary<string, long> before, IReadOnlyDictionary<string, long> after) =>
        string.Join(", ", after.Where(a => before.GetValueOrDefault(a.Key) != a.Value).Select(a => $"{a.Key}: {before.GetValueOrDefault(a.Key)} -> {a.Value}"));

    public ValueTask DisposeAsync() => _connection.DisposeAsync();
}
