using OrderManagement.BuildingBlocks.Application;
using OrderManagement.BuildingBlocks.Domain;
using OrderManagement.Shipping.Contracts;

namespace OrderManagement.Shipping.Tests;

public sealed class DispatchShipmentTests(ShippingModuleFixture fixture) : ShippingTest(fixture)
{
    [Fact]
    public async Task Given_a_ReadyToShip_shipment_When_it_is_dispatched_Then_it_is_Dispatched_with_carrier_and_tracking_number()
    {
        var shipmentId = await CreatedShipmentAsync(Guid.NewGuid());

        var view = await DispatchAsync(shipmentId, "DHL", "JD0146000012345");

        view.Status.ShouldBe(ShipmentStatus.Dispatched);
        var stored = await ShipmentAsync(shipmentId);
        (stored.Status, stored.Carrier, stored.TrackingNumber).ShouldBe((ShipmentStatus.Dispatched, "DHL", "JD0146000012345"));
    }

    [Fact]
    public async Task Given_a_ReadyToShip_shipment_When_it_is_dispatched_Then_ShipmentDispatched_carries_carrier_and_tracking_number()
    {
        var orderId = Guid.NewGuid();
        var shipmentId = await CreatedShipmentAsync(orderId);

        await DispatchAsync(shipmentId, "UPS", "1Z999AA10123456784");

        (await UntilReceivedAsync<ShipmentDispatched>(m => m.OrderId == orderId)).Single()
            .ShouldBe(new ShipmentDispatched(orderId, shipmentId, "UPS", "1Z999AA10123456784"));
    }

    [Fact]
    public async Task Given_a_dispatched_shipment_When_it_is_dispatched_again_Then_it_is_a_conflict_and_the_first_dispatch_stands()
    {
        var shipmentId = await CreatedShipmentAsync(Guid.NewGuid());
        await DispatchAsync(shipmentId, "DHL", "FIRST-1");

        var conflict = await Should.ThrowAsync<ConflictException>(() => DispatchAsync(shipmentId, "UPS", "SECOND-2"));

        conflict.Code.ShouldBe("shipment-not-ready");
        (await ShipmentAsync(shipmentId)).TrackingNumber.ShouldBe("FIRST-1");
    }

    [Fact]
    public async Task Given_a_cancelled_shipment_When_it_is_dispatched_Then_it_is_a_conflict_and_it_stays_Cancelled()
    {
        var orderId = Guid.NewGuid();
        var shipmentId = await CreatedShipmentAsync(orderId);
        await CancelAsync(orderId);

        await Should.ThrowAsync<ConflictException>(() => DispatchAsync(shipmentId));

        (await ShipmentAsync(shipmentId)).Status.ShouldBe(ShipmentStatus.Cancelled);
    }

    [Theory]
    [InlineData(null, "JD0146000012345", "carrier")]
    [InlineData("", "JD0146000012345", "carrier")]
    [InlineData("DHL", null, "trackingNumber")]
    [InlineData("DHL", "  ", "trackingNumber")]
    public async Task Given_a_dispatch_without_carrier_or_tracking_number_When_it_is_sent_Then_it_is_a_validation_error_and_nothing_changes(
        string? carrier, string? trackingNumber, string field)
    {
        var shipmentId = await CreatedShipmentAsync(Guid.NewGuid());

        var invalid = await Should.ThrowAsync<RequestValidationException>(() => DispatchAsync(shipmentId, carrier, trackingNumber));

        invalid.Errors.Keys.ShouldBe([field]);
        (await ShipmentAsync(shipmentId)).Status.ShouldBe(ShipmentStatus.ReadyToShip);
    }

    [Fact]
    public async Task Given_an_unknown_shipment_When_it_is_dispatched_Then_it_is_not_found()
    {
        await Should.ThrowAsync<NotFoundException>(() => DispatchAsync(Guid.NewGuid()));
    }
}
