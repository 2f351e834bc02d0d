using OrderManagement.Inventory.Contracts;
using OrderManagement.Ordering.Fulfilment;
using OrderManagement.Ordering.Operations;
using OrderManagement.Ordering.Orders;

namespace OrderManagement.Ordering.Tests;

public sealed class PlaceOrderTests(OrderingModuleFixture fixture) : OrderingTest(fixture)
{
    [Fact]
    public async Task Given_a_valid_order_When_it_is_placed_Then_it_is_stored_Pending_with_totals_computed_by_the_server()
    {
        var placed = await PlaceOrderAsync();

        var stored = await OrderAsync(placed.OrderId);
        stored.Status.ShouldBe(OrderStatus.Pending);
        stored.RejectionReason.ShouldBeNull();
        stored.Lines.ShouldBe([new OrderLineView("TSHIRT-RED-M", 2, 19.99m, 39.98m), new OrderLineView("MUG-01", 1, 5.50m, 5.50m)]);
        stored.Total.ShouldBe(Total);
        (stored.PaymentStatus, stored.ShipmentStatus, stored.PaymentId, stored.ShipmentId).ShouldBe((null, null, null, null));
    }

    [Fact]
    public async Task Given_a_valid_order_When_it_is_placed_Then_its_saga_is_Running_at_ReserveStock_with_a_deadline()
    {
        var orderId = await PlacedOrderAsync();

        var saga = await SagaAsync(orderId);
        (saga.Status, saga.CurrentStep, saga.Attempts, saga.LastError).ShouldBe((SagaStatus.Running, SagaCurrentStep.ReserveStock, 1, null));
        saga.NextAttemptAt.ShouldBe(Clock.GetUtcNow() + OrderingModuleFixture.StepDeadline);
        (await PendingDeadlinesAsync(orderId)).ShouldBe(1);
    }

    [Fact]
    public async Task Given_a_valid_order_When_it_is_placed_Then_ReserveStock_is_sent_with_its_lines()
    {
        var orderId = await PlacedOrderAsync();

        var reserve = (await SentAsync<ReserveStock>(m => m.OrderId == orderId)).Single();
        reserve.Lines.ShouldBe([new StockLine("TSHIRT-RED-M", 2), new StockLine("MUG-01", 1)]);
        (await AllSentForAsync(orderId)).ShouldBe([nameof(ReserveStock)]);
    }
}
