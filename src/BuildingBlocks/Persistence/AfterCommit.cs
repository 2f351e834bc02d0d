namespace OrderManagement.BuildingBlocks.Persistence;

// Actions that run once the transaction holding a module DbContext's changes has committed (dropped if it rolls back),
// for effects that must not count work that is undone, such as metrics or waking a worker. Registered by AddModule,
// scoped like the context.
public sealed class AfterCommit<TContext>
    where TContext : ModuleDbContext
{
    private readonly PendingWork _work;

    internal AfterCommit(PendingWork work) => _work = work;

    public void Add(Action action) => _work.AfterCommit(action);
}
