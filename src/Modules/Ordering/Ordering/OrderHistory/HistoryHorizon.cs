using Microsoft.EntityFrameworkCore;
using OrderManagement.Ordering.Persistence;

namespace OrderManagement.Ordering.OrderHistory;

// The oldest transaction of this database that may still be running. Every transaction with a smaller id has
// ended, so no history entry recorded by one of them can appear later: entries below the horizon can be numbered
// for good, entries of newer transactions wait for the next read. Transactions of other databases on the same
// server never write here, so they are left out (PostgreSQL's own snapshot xmin would wait for them too).
internal static class HistoryHorizon
{
    // First the next transaction id: any transaction below it that is still running has its id by now.
    private const string NextTransaction = """SELECT pg_snapshot_xmax(pg_current_snapshot())::text::bigint AS "Value" """;

    // Then the running ones of this database. backend_xid is a 32-bit xid: widened with the epoch of the next id,
    // except that one above the next id's low half started after it was read (same epoch, newer: capped at the next id)
    // unless it is more than 2^31 above, which only a transaction from the previous epoch can be.
    private const string OldestRunning =
        """
        SELECT least(coalesce(min(CASE WHEN x <= low OR x - low < 2147483648 THEN epoch + x ELSE epoch - 4294967296 + x END), {0}), {0}) AS "Value"
        FROM (SELECT backend_xid::text::bigint AS x, {0} & 4294967295 AS low, {0} >> 32 << 32 AS epoch
              FROM pg_stat_activity WHERE datname = current_database() AND backend_xid IS NOT NULL) running
        """;

    public static async Task<long> ReadAsync(OrderingDbContext db, CancellationToken cancellationToken)
    {
        var next = await db.Database.SqlQueryRaw<long>(NextTransaction).SingleAsync(cancellationToken);
        return await db.Database.SqlQueryRaw<long>(OldestRunning, next).SingleAsync(cancellationToken);
    }
}
