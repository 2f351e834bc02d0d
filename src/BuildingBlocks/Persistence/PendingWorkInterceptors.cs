using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace OrderManagement.BuildingBlocks.Persistence;

// Where a module DbContext's save and commit drain its PendingWork: the withdrawals go out with the save (in its
// transaction), and the lanes are woken and the after-commit actions run once the changes are committed: at the end of
// a save that opened no transaction, or when the transaction that holds them commits (a rollback drops them).
internal sealed class PendingWorkSaveInterceptor(PendingWork work) : SaveChangesInterceptor
{
    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        if (!work.DeferWithdrawals && eventData.Context is ModuleDbContext db)
        {
            await work.WithdrawCancelledAsync(db, cancellationToken);
        }

        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is ModuleDbContext { Database.CurrentTransaction: null } db)
        {
            work.OnCommitted(db.Schema);
        }

        return ValueTask.FromResult(result);
    }
}

internal sealed class PendingWorkTransactionInterceptor(PendingWork work) : DbTransactionInterceptor
{
    public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is ModuleDbContext db)
        {
            work.OnCommitted(db.Schema);
        }

        return Task.CompletedTask;
    }
}
