using Microsoft.Extensions.Options;
using Npgsql;
using OrderManagement.BuildingBlocks.Persistence;

namespace OrderManagement.BuildingBlocks.Messaging.Inbox;

// Keeps every module's inbox bounded. An inbox row exists so that a second delivery of its message has no effect; a
// delivery can only come from an outbox row carrying that message id (pending, claimed, or dead-lettered and
// replayable). So a row older than the retention is removed only when no module's outbox holds its message id, and
// time is the database's (now()), whatever this host's clock says. The purge skips rows another transaction holds, so
// it never waits on a delivery nor deadlocks with one; a skipped row goes in a later run.
internal sealed class InboxPurge(NpgsqlDataSource dataSource, IEnumerable<ModuleDescriptor> modules, IOptionsMonitor<InboxOptions> options)
{
    private const int BatchSize = 5000;

    private readonly IReadOnlyList<(string Schema, string Sql)> _statements = Statements(modules.ToList());

    // Returns the number of inbox rows removed, all modules together.
    public async Task<long> PurgeAsync(CancellationToken cancellationToken)
    {
        long removed = 0;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        foreach (var (_, sql) in _statements)
        {
            int batch;
            do
            {
                await using var command = new NpgsqlCommand(sql, connection);
                command.Parameters.Add(new NpgsqlParameter { Value = options.CurrentValue.Retention });
                command.Parameters.Add(new NpgsqlParameter { Value = BatchSize });
                batch = await command.ExecuteNonQueryAsync(cancellationToken);
                removed += batch;
            }
            while (batch == BatchSize);
        }

        return removed;
    }

    // Schema names come from module registrations, never from input.
    private static List<(string, string)> Statements(IReadOnlyList<ModuleDescriptor> modules)
    {
        var stillDeliverable = string.Join(" AND ", modules.Select(m =>
            $"NOT EXISTS (SELECT 1 FROM {m.Schema}.outbox_messages o WHERE o.message_id = i.message_id)"));
        return modules.Select(m => (m.Schema,
            $"""
            DELETE FROM {m.Schema}.inbox_messages
            WHERE (message_id, consumer) IN (
                SELECT i.message_id, i.consumer FROM {m.Schema}.inbox_messages i
                WHERE i.handled_at < now() - $1 AND {stillDeliverable}
                LIMIT $2
                FOR UPDATE OF i SKIP LOCKED)
            """)).ToList();
    }
}
