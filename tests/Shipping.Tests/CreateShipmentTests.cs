using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OrderManagement.Shipping.Contracts;
using OrderManagement.Shipping.Persistence;
using OrderManagement.Shipping.Shipments;

namespace OrderManagement.Shipping.Tests;

public sealed class CreateShipmentTests(ShippingModuleFixture fixture) : ShippingTest(fixture)
{
    [Fact]
    public async Task Given_a_confirmed_order_When_a_shipment_is_created_Then_ShipmentCreated_is_published_and_it_is_ReadyToShip()
    {
        var orderId = Guid.NewGuid();

        await CreateAsync(orderId);

        var created = (await UntilReceivedAsync<ShipmentCreated>(m => m.OrderId == orderId)).Single();
        var shipment = await ShipmentAsync(created.ShipmentId);
        shipment.OrderId.ShouldBe(orderId);
        shipment.Status.ShouldBe(ShipmentStatus.ReadyToShip);
        shipment.Carrier.ShouldBeNull();
        shipment.TrackingNumber.ShouldBeNull();
        shipment.Lines.ShouldBe([new ShipmentLineItem("TSHIRT-RED-M", 2), new ShipmentLineItem("MUG-01", 1)]);
    }

    [Fact]
    public async Task Given_a_shipment_for_the_order_When_creation_is_asked_again_Then_the_same_shipment_is_answered()
    {
        var orderId = Guid.NewGuid();
        var shipmentId = await CreatedShipmentAsync(orderId);

        await CreateAsync(orderId);

        var answers = await UntilReceivedAsync<ShipmentCreated>(m => m.OrderId == orderId, count: 2);
        answers.ShouldAllBe(a => a.ShipmentId == shipmentId);
        var count = await Host.InScopeAsync(sp => sp.GetRequiredService<ShippingDbContext>().Shipments.CountAsync(s => s.OrderId == orderId));
        count.ShouldBe(1);
    }

    [Fact]
    public async Task Given_a_new_shipment_When_its_history_is_read_Then_it_shows_ShipmentCreated()
    {
        var orderId = Guid.NewGuid();

        await CreateAsync(orderId);

        var entry = (await HistoryOfAsync(orderId)).ShouldHaveSingleItem();
        (entry.Event, entry.FromState, entry.ToState).ShouldBe(("ShipmentCreated", null, "ReadyToShip"));
    }
}
