using Npgsql;

namespace OrderManagement.BuildingBlocks.Persistence;

// Which failures mean "the database cannot take this right now" (an outage, or a failover from one node to another)
// rather than a fault in the request or the code. SQLSTATEs: PostgreSQL documentation, appendix A.
internal static class DatabaseFailures
{
    // 25006 read_only_sql_transaction: the node is a standby now (a demoted primary, or a pooled connection to it).
    // 57P01 admin_shutdown, 57P02 crash_shutdown: the node is stopping (a switchover demotes it this way).
    // 57P03 cannot_connect_now: the node is starting or in recovery.
    private static readonly HashSet<string> NodeChangedStates = ["25006", "57P01", "57P02", "57P03"];

    // The database cannot be reached or is changing nodes: nothing is wrong with the request or the message.
    public static bool IsUnavailable(Exception exception) => Find(exception, IsUnavailableItself) is not null;

    // Every connection of this host's pool stayed in use for the pool's Timeout: the database may be fine, but this
    // host's transactions are long or waiting on locks. Npgsql says so only in the message of an NpgsqlException.
    public static bool IsPoolExhausted(Exception exception) =>
        Find(exception, e => e is NpgsqlException && e.Message.Contains("connection pool has been exhausted", StringComparison.Ordinal)) is not null;

    // Worth retrying later, answered 503 with Retry-After: unavailable, or an error PostgreSQL itself marks transient
    // (serialization failure, lock not available, ...), as Npgsql's IsTransient says.
    public static bool IsTransient(Exception exception) =>
        Find(exception, e => IsUnavailableItself(e) || e is NpgsqlException { IsTransient: true }) is not null;

    // The connection reached a node that is no longer (or not yet) a writable primary: pooled connections to it are
    // useless and must be dropped.
    public static bool MeansNodeChanged(Exception exception) =>
        Find(exception, e => e is PostgresException { SqlState: var state } && NodeChangedStates.Contains(state)) is not null;

    private static bool IsUnavailableItself(Exception exception) => exception switch
    {
        // Class 08 connection exception, 53 insufficient resources (too many connections), 58 system error.
        PostgresException postgres => NodeChangedStates.Contains(postgres.SqlState)
            || postgres.SqlState.StartsWith("08", StringComparison.Ordinal)
            || postgres.SqlState.StartsWith("53", StringComparison.Ordinal)
            || postgres.SqlState.StartsWith("58", StringComparison.Ordinal),
        // Raised by Npgsql itself, not by the server: connection refused or broken, connect timeout, no node accepting
        // the Target Session Attributes ("No suitable host was found"), pool exhausted.
        NpgsqlException => true,
        TimeoutException => true,
        _ => false,
    };

    private static Exception? Find(Exception exception, Func<Exception, bool> predicate)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (predicate(e))
            {
                return e;
            }

            if (e is AggregateException aggregate && aggregate.InnerExceptions.Select(inner => Find(inner, predicate)).FirstOrDefault(f => f is not null) is { } found)
            {
                return found;
            }
        }

        return null;
    }
}
