using System.Collections.Concurrent;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Npgsql;
using OrderManagement.BuildingBlocks.Messaging;
using OrderManagement.BuildingBlocks.Migrations;
using OrderManagement.BuildingBlocks.Persistence;

namespace OrderManagement.BuildingBlocks.Health;

// Ready means the module's work moves: its schema is fully migrated, its dispatcher runs, and nothing due in its
// outbox has waited past the threshold (a dispatcher that is alive but stuck shows up there).
internal sealed class ModuleReadinessCheck(
    ModuleDescriptor module,
    NpgsqlDataSource dataSource,
    MigrationState migrations,
    DispatcherStates dispatchers,
    OutboxBacklog backlog,
    IOptionsMonitor<ReadinessOptions> options) : IHealthCheck
{
    private static readonly ConcurrentDictionary<string, string[]> Expected = new();

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!migrations.IsMigrated)
        {
            return HealthCheckResult.Unhealthy("database not migrated yet");
        }

        var reasons = new List<string>();
        try
        {
            var pending = await PendingMigrationsAsync(cancellationToken);
            if (pending.Count > 0)
            {
                reasons.Add($"migrations pending: {string.Join(", ", pending)}");
            }

            var sample = await backlog.MeasureAsync(module, cancellationToken);
            var threshold = options.CurrentValue.MaxMessageAge;
            if (sample.OldestAge > threshold)
            {
                reasons.Add($"oldest due message waited {sample.OldestAge.TotalSeconds:0} s for {sample.OldestFor} to take it (threshold {threshold.TotalSeconds:0} s, {sample.Due} due)");
            }
        }
        catch (Exception ex) when ((ex is NpgsqlException or OperationCanceledException or TimeoutException) && !cancellationToken.IsCancellationRequested)
        {
            reasons.Add("database unreachable");
        }

        if (!dispatchers.IsRunning(module.Name))
        {
            reasons.Insert(0, "dispatcher stopped");
        }

        return reasons.Count == 0 ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy(string.Join("; ", reasons));
    }

    private async Task<List<string>> PendingMigrationsAsync(CancellationToken cancellationToken)
    {
        var applied = new HashSet<string>(StringComparer.Ordinal);
        await using var command = dataSource.CreateCommand($"SELECT version FROM {module.Schema}.schema_migrations");
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                applied.Add(reader.GetString(0));
            }
        }

        var expected = Expected.GetOrAdd(module.Schema, _ => MigrationScripts.For(module).Select(s => s.Version).ToArray());
        return expected.Where(v => !applied.Contains(v)).ToList();
    }
}
