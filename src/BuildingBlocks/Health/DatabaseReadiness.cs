using HealthChecks.NpgSql;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;
using OrderManagement.BuildingBlocks.Persistence;

namespace OrderManagement.BuildingBlocks.Health;

// The "database" readiness check: the node the pool reaches answers and is a writable primary. A read-only node is a
// standby or a demoted primary still holding pooled connections: the pool is dropped so the next open finds the
// primary (see DatabaseFailover).
internal static class DatabaseReadiness
{
    public const string ReadOnlyReason = "database is read-only (a standby, or a demoted primary): waiting for the primary";

    public static IHealthCheck Create(IServiceProvider services)
    {
        var failover = services.GetRequiredService<DatabaseFailover>();
        return new NpgSqlHealthCheck(new NpgSqlHealthCheckOptions(services.GetRequiredService<NpgsqlDataSource>())
        {
            CommandText = "SELECT current_setting('transaction_read_only') = 'on'",
            HealthCheckResultBuilder = readOnly =>
            {
                if (readOnly is not true)
                {
                    return HealthCheckResult.Healthy();
                }

                failover.ReportReadOnlyNode("transaction_read_only is on");
                return HealthCheckResult.Unhealthy(ReadOnlyReason);
            },
        });
    }

    // The check reports a failure rather than throwing; the failover still has to see it (a node that is shutting
    // down means the pool points at the wrong node). Returns the reason to show.
    public static string Reason(HealthReportEntry entry, DatabaseFailover failover) => entry.Exception switch
    {
        { } exception when DatabaseFailures.IsPoolExhausted(exception) => PoolExhaustedReason,
        OperationCanceledException => NoConnectionInTimeReason,
        { } exception when failover.Observe(exception) => "database unreachable: " + exception.GetBaseException().Message,
        _ => entry.Description ?? entry.Exception?.Message ?? "failed",
    };

    public const string PoolExhaustedReason =
        "connection pool exhausted: every connection of this host is in use (long transactions or lock waits: see pg_stat_activity); the database itself answers";

    private const string NoConnectionInTimeReason =
        "no answer within the check's 3 s: every pooled connection is in use (long transactions or lock waits: see pg_stat_activity) or the database is slow";
}
