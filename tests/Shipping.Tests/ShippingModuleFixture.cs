using Microsoft.Extensions.DependencyInjection;
using OrderManagement.Ordering.Contracts;
using OrderManagement.Shipping.Contracts;
using OrderManagement.TestKit;

namespace OrderManagement.Shipping.Tests;

// Shipping alone on the real database; Ordering, the consumer of its events, is a recorder, and its order-status query
// is a fake whose answers a test sets (Orders).
public sealed class ShippingModuleFixture : IAsyncLifetime
{
    public const string Ordering = "Ordering";

    public ModuleTestHost Host { get; private set; } = null!;

    public FakeOrderStatusQueries Orders { get; } = new();

    public async Task InitializeAsync() =>
        Host = await ModuleTestHost.StartAsync((services, _) =>
        {
            services.AddShippingModule();
            services.AddSingleton<IOrderStatusQueries>(Orders);
            services.RecordMessages<ShipmentSplit>(Ordering);
            services.RecordMessages<ShipmentCreated>(Ordering);
            services.RecordMessages<ShipmentCancelled>(Ordering);
            services.RecordMessages<ShipmentCancellationRefused>(Ordering);
            services.RecordMessages<ShipmentDispatched>(Ordering);
            services.RecordMessages<ShipmentDelivered>(Ordering);
            services.RecordMessages<ShipmentLinesCancelled>(Ordering);
            services.RecordMessages<ShipmentLinesCancellationRefused>(Ordering);
        });

    public async Task DisposeAsync() => await Host.DisposeAsync();
}
