using Microsoft.EntityFrameworkCore;

namespace OrderManagement.BuildingBlocks.Persistence;

public static class ModuleTransactions
{
    // Runs work in a transaction of its own, committed when it returns, or inside the transaction already open (whose
    // owner commits it). The commit wakes the lanes and runs the after-commit actions (PendingWorkInterceptors).
    public static async Task<T> InTransactionAsync<T>(this ModuleDbContext db, Func<Task<T>> work, CancellationToken cancellationToken)
    {
        if (db.Database.CurrentTransaction is not null)
        {
            return await work();
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var result = await work();
        await transaction.CommitAsync(cancellationToken);
        return result;
    }
}
