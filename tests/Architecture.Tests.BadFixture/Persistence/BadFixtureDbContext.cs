using Microsoft.EntityFrameworkCore;
using OrderManagement.BuildingBlocks.History;
using OrderManagement.BuildingBlocks.Persistence;

namespace OrderManagement.BadFixture.Persistence;

internal sealed class BadFixtureDbContext(DbContextOptions<BadFixtureDbContext> options)
    : ModuleDbContext(options)
{
    public const string SchemaName = "badfixture";

    public override string Schema => SchemaName;

    // Violation: history recorded through the DbContext instead of HistoryLog<BadFixtureDbContext>.
    public void RecordHistory(Guid orderId, string @event) =>
        History.Add(new HistoryRecord { OrderId = orderId, Subject = "Ledger", SubjectId = orderId, Event = @event });

    protected override void ConfigureModel(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Ledger>(ledger =>
        {
            ledger.ToTable("ledgers");
            ledger.HasKey(l => l.Id);
            ledger.OwnsMany(l => l.Entries, entry => entry.ToJson("entries"));
            // Violation: a foreign key into another module's schema.
            ledger.HasOne<ForeignOrder>().WithMany().HasForeignKey(l => l.OrderId);
        });

        // Violation: an entity mapped to a table in another module's schema.
        modelBuilder.Entity<ForeignOrder>(order =>
        {
            order.ToTable("orders", "ordering");
            order.HasKey(o => o.Id);
        });
    }
}
