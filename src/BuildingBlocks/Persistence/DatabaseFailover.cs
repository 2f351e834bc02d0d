using Microsoft.Extensions.Logging;
using Npgsql;

namespace OrderManagement.BuildingBlocks.Persistence;

// Sees every database failure that reaches a request or a background loop. When a node answered that it is read-only
// or shutting down, the primary has moved (or is moving): the pooled connections still point at the old node, so they
// are dropped, and a multi-host data source forgets what it believed about each node, so the next open looks for the
// primary afresh (Target Session Attributes=primary). Connections that simply broke are discarded by Npgsql itself.
internal sealed partial class DatabaseFailover(NpgsqlDataSource dataSource, ILogger<DatabaseFailover> logger)
{
    private const long MinResetIntervalMs = 1000;

    // Environment.TickCount64 of the last reset; 0 = never (the tick count is far above a second after boot).
    private long _lastResetMs;

    // Returns whether the failure is the database's, worth retrying later (answer 503), rather than a fault.
    public bool Observe(Exception exception)
    {
        if (!DatabaseFailures.IsTransient(exception))
        {
            return false;
        }

        if (DatabaseFailures.MeansNodeChanged(exception))
        {
            ResetConnections(exception);
        }

        return true;
    }

    // The node a pooled connection reaches is a standby now: drop the pool as for a read-only error.
    public void ReportReadOnlyNode(string reason) => ResetConnections(reason);

    private void ResetConnections(Exception exception) => ResetConnections(exception.GetBaseException().Message);

    private void ResetConnections(string reason)
    {
        // Many requests fail at once during a switch; one reset per second is enough.
        var now = Environment.TickCount64;
        var last = Interlocked.Read(ref _lastResetMs);
        if ((last != 0 && now - last < MinResetIntervalMs) || Interlocked.CompareExchange(ref _lastResetMs, now, last) != last)
        {
            return;
        }

        dataSource.Clear();
        if (dataSource is NpgsqlMultiHostDataSource multiHost)
        {
            multiHost.ClearDatabaseStates();
        }

        LogReset(logger, reason);
    }

    [LoggerMessage(LogLevel.Warning, "The database node answered that it is read-only or shutting down ({Reason}): the primary moved or is moving. Pooled connections were dropped; new ones look for the primary.")]
    private static partial void LogReset(ILogger logger, string reason);
}
