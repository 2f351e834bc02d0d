using OrderManagement.Inventory.Contracts;
using OrderManagement.TestKit;

namespace OrderManagement.Inventory.Tests;

// Inventory alone on the real database; Ordering, the only consumer of its answers, is a recorder.
public sealed class InventoryModuleFixture : IAsyncLifetime
{
    public const string Ordering = "Ordering";

    // The tests hand dozens of deliveries for one stock row to the module at once, more than a host's lanes ever run
    // together (Messaging:DeliveryConcurrency): on a busy machine their queue for the row outlasts the 2 s default.
    private static readonly Dictionary<string, string?> LongLockWaits = new() { ["Messaging:LockTimeout"] = "00:00:30" };

    public ModuleTestHost Host { get; private set; } = null!;

    public async Task InitializeAsync() =>
        Host = await ModuleTestHost.StartAsync((services, _) =>
        {
            services.AddInventoryModule();
            services.RecordMessages<StockReserved>(Ordering);
            services.RecordMessages<StockReservationRejected>(Ordering);
            services.RecordMessages<StockReleased>(Ordering);
        }, LongLockWaits);

    public async Task DisposeAsync() => await Host.DisposeAsync();
}
