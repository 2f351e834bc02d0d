using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OrderManagement.Inventory.Contracts;
using OrderManagement.Inventory.GetStockLevel;
using OrderManagement.Inventory.Persistence;
using OrderManagement.Inventory.Reservations;
using OrderManagement.Inventory.SetStockLevel;
using OrderManagement.Inventory.Stock;
using OrderManagement.TestKit;

namespace OrderManagement.Inventory.Tests;

// Each test starts from empty tables and ends once everything it caused has been delivered.
public abstract class InventoryTest(InventoryModuleFixture fixture) : IClassFixture<InventoryModuleFixture>, IAsyncLifetime
{
    protected ModuleTestHost Host => fixture.Host;

    public async Task InitializeAsync()
    {
        await Host.ResetDatabaseAsync();
        Host.Recorder.Clear();
    }

    public Task DisposeAsync() => Host.UntilOutboxesDrainedAsync();

    private protected Task<StockLevel> SetStockAsync(string sku, int? onHand) =>
        Host.SendRequestAsync(new SetStockLevelRequest(onHand), body => body.ToCommand(sku));

    private protected Task<StockLevel> StockOfAsync(string sku) =>
        Host.SendAsync(new GetStockLevelQuery(sku));

    protected Task ReserveAsync(Guid orderId, params (string Sku, int Quantity)[] lines) =>
        ReserveAsync(orderId, null, lines);

    protected Task ReserveAsync(Guid orderId, Guid? messageId, params (string Sku, int Quantity)[] lines) =>
        Host.DeliverAsync(new Contracts.ReserveStock(orderId, lines.Select(l => new StockLine(l.Sku, l.Quantity)).ToList()), InventoryModule.Name, messageId);

    protected Task ReleaseAsync(Guid orderId) => Host.DeliverAsync(new Contracts.ReleaseStock(orderId), InventoryModule.Name);

    protected Task CommitAsync(Guid orderId) => Host.DeliverAsync(new Contracts.CommitStock(orderId), InventoryModule.Name);

    protected Task<IReadOnlyList<T>> UntilReceivedAsync<T>(Func<T, bool> match, int count = 1) =>
        Host.UntilReceivedAsync(match, count);

    protected Task<IReadOnlyList<InventoryHistoryEntry>> HistoryOfAsync(Guid orderId) =>
        Host.InScopeAsync(sp => sp.GetRequiredService<IInventoryQueries>().GetOrderHistoryAsync(orderId, CancellationToken.None));

    private protected Task<List<StockReservation>> ReservationsOfAsync(Guid orderId) =>
        Host.InScopeAsync(sp => sp.GetRequiredService<InventoryDbContext>().Reservations.AsNoTracking()
            .Where(r => r.OrderId == orderId).ToListAsync());
}
