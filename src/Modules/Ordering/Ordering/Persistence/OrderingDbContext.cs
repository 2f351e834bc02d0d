using Microsoft.EntityFrameworkCore;
using OrderManagement.BuildingBlocks.Persistence;
using OrderManagement.Ordering.Fulfilment;
using OrderManagement.Ordering.Idempotency;
using OrderManagement.Ordering.Orders;

namespace OrderManagement.Ordering.Persistence;

internal sealed class OrderingDbContext(DbContextOptions<OrderingDbContext> options, ModuleDbContextServices services)
    : ModuleDbContext(options, services)
{
    public const string SchemaName = "ordering";

    public override string Schema => SchemaName;

    public DbSet<Order> Orders => Set<Order>();
    public DbSet<FulfilmentSaga> Sagas => Set<FulfilmentSaga>();
    public DbSet<IdempotencyRecord> IdempotencyRecords => Set<IdempotencyRecord>();

    protected override void ConfigureModel(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfiguration(new OrderConfiguration());
        modelBuilder.ApplyConfiguration(new FulfilmentSagaConfiguration());
        modelBuilder.ApplyConfiguration(new IdempotencyRecordConfiguration());
    }
}
