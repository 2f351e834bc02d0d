using Npgsql;

namespace OrderManagement.Architecture.Tests.Schema;

// The tables of one schema as PostgreSQL has them: columns from information_schema (types spelled by
// format_type, which keeps modifiers such as numeric(12,2)), keys and indexes from pg_index.
public static class DatabaseSchema
{
    public static async Task<IReadOnlyList<TableShape>> TablesOfAsync(string connectionString, string schema)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var columns = await ReadAsync(connection, ColumnsSql, schema, r =>
            (Table: r.GetString(0), Column: new ColumnShape(r.GetString(1), StoreTypes.Normalise(r.GetString(2)), r.GetBoolean(3), r.IsDBNull(4) ? null : r.GetString(4))));
        var indexes = await ReadAsync(connection, IndexesSql, schema, r =>
            (Table: r.GetString(0), IsPrimary: r.GetBoolean(3), Index: new IndexShape(r.GetString(1), r.GetFieldValue<string[]>(4), r.GetBoolean(2))));
        var tables = await ReadAsync(connection, TablesSql, schema, r => r.GetString(0));

        return [.. tables.Select(table => new TableShape(
            schema,
            table,
            [.. columns.Where(c => c.Table == table).Select(c => c.Column)],
            indexes.Where(i => i.Table == table && i.IsPrimary).Select(i => i.Index.Columns).SingleOrDefault() ?? [],
            [.. indexes.Where(i => i.Table == table && !i.IsPrimary).Select(i => i.Index)]))];
    }

    private const string TablesSql = """
        SELECT table_name FROM information_schema.tables
        WHERE table_schema = $1 AND table_type = 'BASE TABLE'
        ORDER BY table_name
        """;

    private const string ColumnsSql = """
        SELECT c.table_name, c.column_name, format_type(a.atttypid, a.atttypmod), c.is_nullable = 'YES', c.identity_generation
        FROM information_schema.columns c
        JOIN pg_namespace n ON n.nspname = c.table_schema
        JOIN pg_class t ON t.relnamespace = n.oid AND t.relname = c.table_name
        JOIN pg_attribute a ON a.attrelid = t.oid AND a.attname = c.column_name
        WHERE c.table_schema = $1
        ORDER BY c.table_name, c.ordinal_position
        """;

    private const string IndexesSql = """
        SELECT t.relname, i.relname, ix.indisunique, ix.indisprimary,
               ARRAY(SELECT a.attname::text
                     FROM unnest(ix.indkey::int2[]) WITH ORDINALITY AS k(attnum, position)
                     JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum
                     ORDER BY k.position)
        FROM pg_index ix
        JOIN pg_class i ON i.oid = ix.indexrelid
        JOIN pg_class t ON t.oid = ix.indrelid
        JOIN pg_namespace n ON n.oid = t.relnamespace
        WHERE n.nspname = $1
        ORDER BY t.relname, i.relname
        """;

    private static async Task<List<T>> ReadAsync<T>(NpgsqlConnection connection, string sql, string schema, Func<NpgsqlDataReader, T> read)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.Add(new NpgsqlParameter { Value = schema });
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<T>();
        while (await reader.ReadAsync())
        {
            rows.Add(read(reader));
        }

        return rows;
    }
}
