using Microsoft.Extensions.Logging;
using Npgsql;
using OrderManagement.BuildingBlocks.Persistence;

namespace OrderManagement.BuildingBlocks.Migrations;

// Applies each module's scripts under one advisory lock, so hosts starting together migrate once,
// recording every applied script in the schema's own journal.
internal sealed partial class SchemaMigrator(
    NpgsqlDataSource dataSource, IEnumerable<ModuleDescriptor> modules, IEnumerable<OwnedSchema> ownedSchemas, ILogger<SchemaMigrator> logger)
{
    private const long AdvisoryLockKey = 0x4F4D_4D49_4752; // "OMMIGR"

    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await ExecuteAsync(connection, null, $"SELECT pg_advisory_lock({AdvisoryLockKey})", cancellationToken);
        try
        {
            foreach (var module in modules)
            {
                await MigrateAsync(connection, module.Schema, MigrationScripts.For(module), cancellationToken);
            }

            foreach (var owned in ownedSchemas)
            {
                await MigrateAsync(connection, owned.Schema, MigrationScripts.For(owned), cancellationToken);
            }
        }
        finally
        {
            await ExecuteAsync(connection, null, $"SELECT pg_advisory_unlock({AdvisoryLockKey})", CancellationToken.None);
        }
    }

    private async Task MigrateAsync(NpgsqlConnection connection, string schema, IReadOnlyList<MigrationScript> scripts, CancellationToken cancellationToken)
    {
        await ExecuteAsync(connection, null,
            $"""
            CREATE SCHEMA IF NOT EXISTS {schema};
            CREATE TABLE IF NOT EXISTS {schema}.schema_migrations (
                version text PRIMARY KEY,
                applied_at timestamptz NOT NULL DEFAULT now());
            """, cancellationToken);

        var applied = await AppliedVersionsAsync(connection, schema, cancellationToken);
        foreach (var script in scripts.Where(s => !applied.Contains(s.Version)))
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await ExecuteAsync(connection, transaction, $"SET LOCAL search_path TO {schema}", cancellationToken);
            await ExecuteAsync(connection, transaction, script.Sql, cancellationToken);
            await using (var journal = new NpgsqlCommand($"INSERT INTO {schema}.schema_migrations (version) VALUES ($1)", connection, transaction))
            {
                journal.Parameters.Add(new NpgsqlParameter { Value = script.Version });
                await journal.ExecuteNonQueryAsync(cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
            LogApplied(logger, schema, script.Version);
        }
    }

    private static async Task<HashSet<string>> AppliedVersionsAsync(NpgsqlConnection connection, string schema, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand($"SELECT version FROM {schema}.schema_migrations", connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var versions = new HashSet<string>(StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellationToken))
        {
            versions.Add(reader.GetString(0));
        }

        return versions;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    [LoggerMessage(LogLevel.Information, "Applied migration {Schema}/{Version}")]
    private static partial void LogApplied(ILogger logger, string schema, string version);
}
