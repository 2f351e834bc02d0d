using OrderManagement.Inventory.Contracts;
using OrderManagement.TestKit;

namespace OrderManagement.Inventory.Tests;

// Inventory alone on the real database; Ordering, the only consumer of its answers, is a recorder.
public sealed class InventoryModuleFixture : IAsyncLifetime
{
    public const string Ordering = "Ordering";

    public ModuleTestHost Host { get; private set; } = null!;

    public async Task InitializeAsync() =>
        Host = await ModuleTestHost.StartAsync((services, _) =>
        {
            services.AddInventoryModule();
            services.RecordMessages<StockReserved>(Ordering);
            services.RecordMessages<StockReservationRejected>(Ordering);
            services.RecordMessages<StockReleased>(Ordering);
        });

    public async Task DisposeAsync() => await Host.DisposeAsync();
}
