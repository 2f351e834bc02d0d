using Microsoft.EntityFrameworkCore;
using OrderManagement.BuildingBlocks.Persistence;
using OrderManagement.Ordering.Fulfilment;
using OrderManagement.Ordering.Idempotency;
using OrderManagement.Ordering.Orders;
using OrderManagement.Ordering.Returns;
using OrderManagement.Ordering.Webhooks;

namespace OrderManagement.Ordering.Persistence;

internal sealed class OrderingDbContext(DbContextOptions<OrderingDbContext> options)
    : ModuleDbContext(options)
{
    public const string SchemaName = "ordering";

    public override string Schema => SchemaName;

    public DbSet<Order> Orders => Set<Order>();
    public DbSet<FulfilmentSaga> Sagas => Set<FulfilmentSaga>();
    public DbSet<IdempotencyRecord> IdempotencyRecords => Set<IdempotencyRecord>();
    public DbSet<Return> Returns => Set<Return>();
    public DbSet<WebhookSubscription> WebhookSubscriptions => Set<WebhookSubscription>();
    public DbSet<WebhookEvent> WebhookEvents => Set<WebhookEvent>();
    public DbSet<WebhookDelivery> WebhookDeliveries => Set<WebhookDelivery>();

    protected override void ConfigureModel(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfiguration(new OrderConfiguration());
        modelBuilder.ApplyConfiguration(new FulfilmentSagaConfiguration());
        modelBuilder.ApplyConfiguration(new IdempotencyRecordConfiguration());
        modelBuilder.ApplyConfiguration(new ReturnConfiguration());
        modelBuilder.MapWebhooks();
    }
}
