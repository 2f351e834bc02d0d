using Microsoft.Extensions.DependencyInjection;
using OrderManagement.Shipping.Contracts;
using OrderManagement.Shipping.DeliverShipment;
using OrderManagement.Shipping.DispatchShipment;
using OrderManagement.Shipping.GetShipment;
using OrderManagement.TestKit;

namespace OrderManagement.Shipping.Tests;

// Each test starts from empty tables and ends once everything it caused has been delivered.
public abstract class ShippingTest(ShippingModuleFixture fixture) : IClassFixture<ShippingModuleFixture>, IAsyncLifetime
{
    protected static readonly ShipmentAddress Address = new("Ada Lovelace", "1 Main St", null, "London", "N1 9GU", "GB");

    protected ModuleTestHost Host => fixture.Host;

    public async Task InitializeAsync()
    {
        await Host.ResetDatabaseAsync();
        Host.Recorder.Clear();
    }

    public Task DisposeAsync() => Host.UntilOutboxesDrainedAsync();

    protected Task CreateAsync(Guid orderId) =>
        Host.DeliverAsync(new Contracts.CreateShipment(orderId, [new ShipmentLine("TSHIRT-RED-M", 2), new ShipmentLine("MUG-01", 1)], Address), ShippingModule.Name);

    // Creates a shipment and waits for ShipmentCreated: the starting point of most tests.
    protected async Task<Guid> CreatedShipmentAsync(Guid orderId)
    {
        await CreateAsync(orderId);
        return (await UntilReceivedAsync<ShipmentCreated>(m => m.OrderId == orderId)).Single().ShipmentId;
    }

    protected Task CancelAsync(Guid orderId) => Host.DeliverAsync(new Contracts.CancelShipment(orderId), ShippingModule.Name);

    private protected Task<ShipmentView> DispatchAsync(Guid shipmentId, string? carrier = "DHL", string? trackingNumber = "JD0146000012345") =>
        Host.SendRequestAsync(new DispatchShipmentRequest(carrier, trackingNumber), body => body.ToCommand(shipmentId));

    private protected Task<ShipmentView> DeliverAsync(Guid shipmentId) => Host.SendAsync(new DeliverShipmentCommand(shipmentId));

    private protected Task<ShipmentView> ShipmentAsync(Guid shipmentId) => Host.SendAsync(new GetShipmentQuery(shipmentId));

    protected Task<IReadOnlyList<T>> UntilReceivedAsync<T>(Func<T, bool> match, int count = 1) =>
        Host.UntilReceivedAsync(match, count);

    protected Task<IReadOnlyList<ShippingHistoryEntry>> HistoryOfAsync(Guid orderId) =>
        Host.InScopeAsync(sp => sp.GetRequiredService<IShippingQueries>().GetOrderHistoryAsync(orderId, CancellationToken.None));
}
