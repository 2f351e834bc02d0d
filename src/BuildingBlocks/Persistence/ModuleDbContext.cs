using Microsoft.EntityFrameworkCore;
using OrderManagement.BuildingBlocks.History;
using OrderManagement.BuildingBlocks.Messaging;

namespace OrderManagement.BuildingBlocks.Persistence;

// Base of every module's DbContext: its own schema, with the outbox, inbox and history tables every module has.
// Publishing (OutboxPublisher), history (HistoryLog), after-commit actions (AfterCommit) and locks (TransactionLocks)
// are scoped services over the context that AddModule registers (docs/adr/0022).
public abstract class ModuleDbContext : DbContext
{
    protected ModuleDbContext(DbContextOptions options)
        : base(options)
    {
        // A failed SaveChanges is never followed by more work in the same transaction (it is rolled back whole),
        // so the savepoint EF would otherwise wrap around every SaveChanges inside a transaction is two wasted round trips.
        Database.AutoSavepointsEnabled = false;
    }

    public abstract string Schema { get; }

    internal DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();

    public DbSet<HistoryRecord> History => Set<HistoryRecord>();

    protected sealed override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasDefaultSchema(Schema);
        modelBuilder.MapMessaging();
        modelBuilder.MapHistory();
        ConfigureModel(modelBuilder);
    }

    protected abstract void ConfigureModel(ModelBuilder modelBuilder);
}
