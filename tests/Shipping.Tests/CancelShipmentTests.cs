using OrderManagement.Shipping.Contracts;
using OrderManagement.TestKit;

namespace OrderManagement.Shipping.Tests;

public sealed class CancelShipmentTests(ShippingModuleFixture fixture) : ShippingTest(fixture)
{
    [Fact]
    public async Task Given_a_ReadyToShip_shipment_When_it_is_cancelled_Then_it_is_Cancelled_and_ShipmentCancelled_is_published()
    {
        var orderId = Guid.NewGuid();
        var shipmentId = await CreatedShipmentAsync(orderId);

        await CancelAsync(orderId);

        (await UntilReceivedAsync<ShipmentCancelled>(m => m.OrderId == orderId)).Single().ShouldBe(new ShipmentCancelled(orderId, shipmentId));
        (await ShipmentAsync(shipmentId)).Status.ShouldBe(ShipmentStatus.Cancelled);
    }

    [Fact]
    public async Task Given_a_dispatched_shipment_When_it_is_cancelled_Then_the_cancellation_is_refused_and_it_stays_Dispatched()
    {
        var orderId = Guid.NewGuid();
        var shipmentId = await CreatedShipmentAsync(orderId);
        await DispatchAsync(shipmentId);

        await CancelAsync(orderId);

        (await UntilReceivedAsync<ShipmentCancellationRefused>(m => m.OrderId == orderId)).Single()
            .ShouldBe(new ShipmentCancellationRefused(orderId, shipmentId, ShipmentStatus.Dispatched));
        (await ShipmentAsync(shipmentId)).Status.ShouldBe(ShipmentStatus.Dispatched);
        await Host.UntilOutboxesDrainedAsync();
        Host.Recorder.Received<ShipmentCancelled>().ShouldNotContain(m => m.OrderId == orderId);
    }

    [Fact]
    public async Task Given_no_shipment_for_the_order_When_it_is_cancelled_Then_ShipmentCancelled_is_published_without_a_shipment_id()
    {
        var orderId = Guid.NewGuid();

        await CancelAsync(orderId);

        (await UntilReceivedAsync<ShipmentCancelled>(m => m.OrderId == orderId)).Single().ShouldBe(new ShipmentCancelled(orderId, null));
    }

    [Fact]
    public async Task Given_a_cancelled_shipment_When_it_is_cancelled_again_Then_ShipmentCancelled_is_answered_again()
    {
        var orderId = Guid.NewGuid();
        var shipmentId = await CreatedShipmentAsync(orderId);
        await CancelAsync(orderId);

        await CancelAsync(orderId);

        var answers = await UntilReceivedAsync<ShipmentCancelled>(m => m.OrderId == orderId, count: 2);
        answers.ShouldAllBe(a => a.ShipmentId == shipmentId);
        (await HistoryOfAsync(orderId)).Count(h => h.Event == "ShipmentCancelled").ShouldBe(1);
    }

    [Fact]
    public async Task Given_a_dispatched_shipment_When_cancellation_is_refused_Then_the_history_records_the_refusal()
    {
        var orderId = Guid.NewGuid();
        var shipmentId = await CreatedShipmentAsync(orderId);
        await DispatchAsync(shipmentId);

        await CancelAsync(orderId);

        var last = (await HistoryOfAsync(orderId))[^1];
        (last.Event, last.FromState, last.ToState).ShouldBe(("ShipmentCancellationRefused", "Dispatched", "Dispatched"));
    }
}
