using OrderManagement.BuildingBlocks.Domain;
using OrderManagement.Shipping.Contracts;

namespace OrderManagement.Shipping.Tests;

public sealed class DeliverShipmentTests(ShippingModuleFixture fixture) : ShippingTest(fixture)
{
    [Fact]
    public async Task Given_a_dispatched_shipment_When_it_is_delivered_Then_it_is_Delivered_and_ShipmentDelivered_is_published()
    {
        var orderId = Guid.NewGuid();
        var shipmentId = await CreatedShipmentAsync(orderId);
        await DispatchAsync(shipmentId);

        var view = await DeliverAsync(shipmentId);

        view.Status.ShouldBe(ShipmentStatus.Delivered);
        (await ShipmentAsync(shipmentId)).Status.ShouldBe(ShipmentStatus.Delivered);
        (await UntilReceivedAsync<ShipmentDelivered>(m => m.OrderId == orderId)).Single().ShouldBe(new ShipmentDelivered(orderId, shipmentId));
    }

    [Fact]
    public async Task Given_a_ReadyToShip_shipment_When_it_is_delivered_Then_it_is_a_conflict_and_it_stays_ReadyToShip()
    {
        var shipmentId = await CreatedShipmentAsync(Guid.NewGuid());

        var conflict = await Should.ThrowAsync<ConflictException>(() => DeliverAsync(shipmentId));

        conflict.Code.ShouldBe("shipment-not-dispatched");
        (await ShipmentAsync(shipmentId)).Status.ShouldBe(ShipmentStatus.ReadyToShip);
    }

    [Fact]
    public async Task Given_a_delivered_shipment_When_it_is_delivered_again_Then_it_is_a_conflict()
    {
        var shipmentId = await CreatedShipmentAsync(Guid.NewGuid());
        await DispatchAsync(shipmentId);
        await DeliverAsync(shipmentId);

        await Should.ThrowAsync<ConflictException>(() => DeliverAsync(shipmentId));
    }

    [Fact]
    public async Task Given_a_delivered_shipment_When_its_history_is_read_Then_it_shows_created_dispatched_delivered()
    {
        var orderId = Guid.NewGuid();
        var shipmentId = await CreatedShipmentAsync(orderId);
        await DispatchAsync(shipmentId, "DHL", "JD0146000012345");

        await DeliverAsync(shipmentId);

        var history = await HistoryOfAsync(orderId);
        history.Select(h => (h.Event, h.FromState, h.ToState)).ShouldBe(
        [
            ("ShipmentCreated", null, "ReadyToShip"),
            ("ShipmentDispatched", "ReadyToShip", "Dispatched"),
            ("ShipmentDelivered", "Dispatched", "Delivered"),
        ]);
        history[1].Detail.ShouldBe("DHL JD0146000012345");
    }
}
