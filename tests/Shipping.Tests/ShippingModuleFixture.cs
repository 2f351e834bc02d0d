using OrderManagement.Shipping.Contracts;
using OrderManagement.TestKit;

namespace OrderManagement.Shipping.Tests;

// Shipping alone on the real database; Ordering, the consumer of its events, is a recorder.
public sealed class ShippingModuleFixture : IAsyncLifetime
{
    public const string Ordering = "Ordering";

    public ModuleTestHost Host { get; private set; } = null!;

    public async Task InitializeAsync() =>
        Host = await ModuleTestHost.StartAsync((services, _) =>
        {
            services.AddShippingModule();
            services.RecordMessages<ShipmentCreated>(Ordering);
            services.RecordMessages<ShipmentCancelled>(Ordering);
            services.RecordMessages<ShipmentCancellationRefused>(Ordering);
            services.RecordMessages<ShipmentDispatched>(Ordering);
            services.RecordMessages<ShipmentDelivered>(Ordering);
        });

    public async Task DisposeAsync() => await Host.DisposeAsync();
}
