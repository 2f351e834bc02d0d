using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace OrderManagement.BuildingBlocks.Persistence;

// Transaction-scoped PostgreSQL advisory locks (pg_advisory_xact_lock) on the open transaction of a module's DbContext;
// registered by AddModule, scoped like the context. Each lock is held to the end of that transaction. Both methods
// throw InvalidOperationException when the context has no open transaction.
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

    // Takes the lock unless another transaction holds it (false then). Plain Npgsql, not EF's query pipeline:
    // idempotent requests run it every time.
    public async Task<bool> TryLockAsync(long key, CancellationToken cancellationToken)
    {
        var transaction = _db.Database.CurrentTransaction?.GetDbTransaction() as NpgsqlTransaction
            ?? throw new InvalidOperationException("A transaction-scoped lock needs an open transaction.");
        await using var command = new NpgsqlCommand("SELECT pg_try_advisory_xact_lock($1)", transaction.Connection, transaction);
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = key });
        return (bool)(await command.ExecuteScalarAsync(cancellationToken))!;
    }
}
