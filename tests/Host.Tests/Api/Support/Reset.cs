using Npgsql;
using OrderManagement.Host.Tests.Infrastructure;
using OrderManagement.TestKit;

namespace OrderManagement.Host.Tests.Api.Support;

public static class Reset
{
    // TRUNCATE takes an exclusive lock on every table while the host's dispatchers keep working on the previous
    // test's orders. A dispatcher that holds an outbox lock while its handler waits for a table the TRUNCATE already
    // holds is a deadlock PostgreSQL cannot see (one edge runs through the application), and it used to stall the
    // reset for its whole 30 s command timeout. With a lock timeout the reset lets go after a second and tries again.
    public static async Task ResetDatabaseAsync(this ApiFactory api)
    {
        var connectionString = new NpgsqlConnectionStringBuilder(api.ConnectionString) { Options = "-c lock_timeout=1000" }.ConnectionString;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await DatabaseReset.ResetAsync(connectionString);
                return;
            }
            catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.LockNotAvailable && attempt < 30)
            {
            }
        }
    }
}
