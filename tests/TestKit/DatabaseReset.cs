using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using OrderManagement.BuildingBlocks.DataProtection;
using OrderManagement.BuildingBlocks.Migrations;
using OrderManagement.BuildingBlocks.Persistence;
using Respawn;
using Respawn.Graph;

namespace OrderManagement.TestKit;

// Empties the tables of every schema a host registered (its modules' and the shared records') between tests with
// Respawn. The migration journals stay, so the schema is not rebuilt, and so does the Data Protection key ring.
public static class DatabaseReset
{
    private static readonly Table[] Kept = [new("schema_migrations"), new(DataProtectionKeysDbContext.Schema, "keys")];
    private static readonly ConcurrentDictionary<string, Respawner> Respawners = new();

    public static Task ResetAsync(IServiceProvider services, string connectionString) =>
        ResetAsync(connectionString, SchemasOf(services));

    public static async Task ResetAsync(string connectionString, IReadOnlyCollection<string> schemas)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var respawner = await RespawnerForAsync(connection, schemas);
        if (respawner is null)
        {
            return;
        }

        // A host may still be delivering a message: its dispatcher holds outbox rows while the consumer, on another
        // connection, waits for a table TRUNCATE already holds. PostgreSQL cannot always see that cycle, so give up the locks
        // after a moment and try again once the delivery is through.
        await using (var timeout = new NpgsqlCommand("SET lock_timeout = '2s'", connection))
        {
            await timeout.ExecuteNonQueryAsync();
        }

        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await respawner.ResetAsync(connection);
                return;
            }
            catch (PostgresException ex) when (ex.SqlState is PostgresErrorCodes.LockNotAvailable or PostgresErrorCodes.DeadlockDetected && attempt < 10)
            {
            }
        }
    }

    private static string[] SchemasOf(IServiceProvider services) =>
    [
        .. services.GetServices<ModuleDescriptor>().Select(m => m.Schema),
        .. services.GetServices<OwnedSchema>().Select(s => s.Schema),
    ];

    // Respawn reads the tables and their foreign keys once, after the migrations have created them; null while there are none.
    private static async Task<Respawner?> RespawnerForAsync(NpgsqlConnection connection, IReadOnlyCollection<string> schemas)
    {
        var key = connection.ConnectionString + "|" + string.Join(",", schemas.Order(StringComparer.Ordinal));
        if (Respawners.TryGetValue(key, out var respawner))
        {
            return respawner;
        }

        // Respawn refuses to start without a table to empty: a schema the host has not migrated yet is already empty.
        await using (var any = new NpgsqlCommand(
            "SELECT EXISTS (SELECT FROM pg_tables WHERE schemaname = ANY($1) AND tablename <> 'schema_migrations')", connection))
        {
            any.Parameters.Add(new NpgsqlParameter { Value = schemas.ToArray() });
            if (!(bool)(await any.ExecuteScalarAsync())!)
            {
                return null;
            }
        }

        respawner = await Respawner.CreateAsync(connection, new RespawnerOptions
        {
            DbAdapter = DbAdapter.Postgres,
            SchemasToInclude = [.. schemas],
            TablesToIgnore = Kept,
            WithReseed = true,
        });
        return Respawners.GetOrAdd(key, respawner);
    }
}
