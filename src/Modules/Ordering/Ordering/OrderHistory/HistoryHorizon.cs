using Microsoft.EntityFrameworkCore;
using OrderManagement.Ordering.Persistence;

namespace OrderManagement.Ordering.OrderHistory;

// The oldest transaction still running anywhere in the database (PostgreSQL's snapshot xmin). Every transaction
// with a smaller id has ended, so no history entry recorded by one of them can appear later: entries below the
// horizon can be numbered for good. Entries of newer transactions wait for the next read.
internal static class HistoryHorizon
{
    public static Task<long> ReadAsync(OrderingDbContext db, CancellationToken cancellationToken) =>
        db.Database.SqlQueryRaw<long>("""SELECT pg_snapshot_xmin(pg_current_snapshot())::text::bigint AS "Value" """)
            .SingleAsync(cancellationToken);
}
