using OrderManagement.Shipping.CancelShipmentLines;
using OrderManagement.Shipping.Contracts;
using OrderManagement.Shipping.Shipments;
using OrderManagement.TestKit;

namespace OrderManagement.Shipping.Tests;

// Line cancellations (docs/adr/0021): Shipping takes cancelled units off the order's remainder shipment while it is
// ReadyToShip and holds them, once per cancellation; otherwise it refuses and nothing changes.
public sealed class CancelShipmentLinesTests(ShippingModuleFixture fixture) : ShippingTest(fixture)
{
    [Fact]
    public async Task Given_a_ready_remainder_When_some_units_are_cancelled_Then_it_shrinks_and_its_dispatch_names_the_lines_left()
    {
        var orderId = Guid.NewGuid();
        var remainderId = await CreatedShipmentAsync(orderId);
        var cancellation = Guid.NewGuid();

        await CancelLinesAsync(orderId, cancellation, ("MUG-01", 1), ("TSHIRT-RED-M", 1));

        var cancelled = (await UntilReceivedAsync<ShipmentLinesCancelled>(m => m.OrderId == orderId)).Single();
        (cancelled.CancellationId, cancelled.ShipmentId, cancelled.RemainderEmptied).ShouldBe((cancellation, remainderId, false));
        (await ShipmentAsync(remainderId)).Lines.ShouldBe([new ShipmentLineItem("TSHIRT-RED-M", 1)]);
        await DispatchAsync(remainderId);
        var dispatched = (await UntilReceivedAsync<ShipmentDispatched>(m => m.OrderId == orderId)).Single();
        dispatched.Lines.ShouldNotBeNull().ShouldBe([new ShipmentLine("TSHIRT-RED-M", 1)]);
    }

    [Fact]
    public async Task Given_a_cancellation_When_it_is_delivered_again_or_sent_again_Then_the_units_come_off_once()
    {
        var orderId = Guid.NewGuid();
        var remainderId = await CreatedShipmentAsync(orderId);
        var cancellation = Guid.NewGuid();
        await CancelLinesAsync(orderId, cancellation, ("TSHIRT-RED-M", 1));

        await CancelLinesAsync(orderId, cancellation, ("TSHIRT-RED-M", 1));
        await Host.SendAsync(new CancelShipmentLinesCommand(orderId, cancellation, [new ShipmentLineItem("TSHIRT-RED-M", 1)]));

        (await ShipmentAsync(remainderId)).Lines.ShouldBe([new ShipmentLineItem("TSHIRT-RED-M", 1), new ShipmentLineItem("MUG-01", 1)]);
        Host.Recorder.Received<ShipmentLinesCancelled>().Count(m => m.OrderId == orderId).ShouldBe(1);
    }

    [Fact]
    public async Task Given_a_dispatched_remainder_When_its_units_are_cancelled_Then_it_is_refused_and_nothing_changes()
    {
        var orderId = Guid.NewGuid();
        var remainderId = await CreatedShipmentAsync(orderId);
        await DispatchAsync(remainderId);
        var cancellation = Guid.NewGuid();

        await CancelLinesAsync(orderId, cancellation, ("MUG-01", 1));

        var refused = (await UntilReceivedAsync<ShipmentLinesCancellationRefused>(m => m.OrderId == orderId)).Single();
        refused.CancellationId.ShouldBe(cancellation);
        refused.Reason.ShouldContain("Dispatched");
        var remainder = await ShipmentAsync(remainderId);
        (remainder.Status, remainder.Lines.Count).ShouldBe((ShipmentStatus.Dispatched, 2));
    }

    [Fact]
    public async Task Given_more_units_than_the_remainder_holds_When_they_are_cancelled_Then_it_is_refused_naming_the_sku_and_nothing_changes()
    {
        var orderId = Guid.NewGuid();
        var remainderId = await CreatedShipmentAsync(orderId);

        await CancelLinesAsync(orderId, Guid.NewGuid(), ("TSHIRT-RED-M", 1), ("MUG-01", 2));

        (await UntilReceivedAsync<ShipmentLinesCancellationRefused>(m => m.OrderId == orderId)).Single().Reason.ShouldContain("MUG-01");
        (await ShipmentAsync(remainderId)).Lines.ShouldBe([new ShipmentLineItem("TSHIRT-RED-M", 2), new ShipmentLineItem("MUG-01", 1)]);
    }

    [Fact]
    public async Task Given_every_unit_of_the_remainder_When_it_is_cancelled_Then_the_remainder_is_Cancelled()
    {
        var orderId = Guid.NewGuid();
        var remainderId = await CreatedShipmentAsync(orderId);

        await CancelLinesAsync(orderId, Guid.NewGuid(), ("TSHIRT-RED-M", 2), ("MUG-01", 1));

        (await UntilReceivedAsync<ShipmentLinesCancelled>(m => m.OrderId == orderId)).Single().RemainderEmptied.ShouldBeTrue();
        (await ShipmentAsync(remainderId)).Status.ShouldBe(ShipmentStatus.Cancelled);
    }

    private Task CancelLinesAsync(Guid orderId, Guid cancellationId, params (string Sku, int Quantity)[] lines) =>
        Host.DeliverAsync(new Contracts.CancelShipmentLines(orderId, cancellationId, [.. lines.Select(l => new ShipmentLine(l.Sku, l.Quantity))]),
            ShippingModule.Name);
}
