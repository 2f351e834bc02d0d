using Microsoft.EntityFrameworkCore;

namespace OrderManagement.BuildingBlocks.Persistence;

// Transaction-scoped PostgreSQL advisory locks (pg_advisory_xact_lock) on the open transaction of a module's DbContext;
// registered by AddModule, scoped like the context. Each lock is held to the end of that transaction. LockAsync throws
// InvalidOperationException when the context has no open transaction.
public sealed class TransactionLocks<TContext>
    where TContext : ModuleDbContext
{
    private readonly TContext _db;

    internal TransactionLocks(TContext db) => _db = db;

    // Serializes the transactions that may create the one row of something (the payment of an order): a second one
    // waits here until the first ends, then finds its row instead of inserting a duplicate. The name is hashed into
    // PostgreSQL's advisory lock space.
    public Task LockAsync(string name, CancellationToken cancellationToken) =>
        _db.Database.CurrentTransaction is null
            ? throw new InvalidOperationException("A transaction-scoped lock needs an open transaction.")
            : _db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock(hashtextextended({0}, 0))", [name], cancellationToken);
}
