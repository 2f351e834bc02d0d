using OrderManagement.Ordering.Fulfilment;
using OrderManagement.Ordering.Orders;
using OrderManagement.Ordering.Returns;
using OrderManagement.TestKit;

namespace OrderManagement.Ordering.Tests;

// docs/state-machines/order.md and saga.md are Stateless's export of these machines; regenerate with build/docs.sh.
public sealed class GeneratedDocsTests
{
    [Fact]
    public void Given_the_order_machine_When_exported_Then_docs_state_machines_order_md_is_current()
    {
        var order = Order.Place(Guid.Empty, "customer", "EUR", [new OrderLine("SKU", 1, 1m, 1m)],
            new ShippingAddress("Name", "Line 1", null, "City", "00000", "DE"), "card", "token", DateTimeOffset.UnixEpoch);

        StateMachineDocument.AssertCurrent("order", "Order", "src/Modules/Ordering/Ordering/Orders/OrderStateMachine.cs",
            OrderStateMachine.For(order), OrderStateMachine.Refusals.Rows);
    }

    [Fact]
    public void Given_the_saga_machine_When_exported_Then_docs_state_machines_saga_md_is_current() =>
        StateMachineDocument.AssertCurrent("saga", "Fulfilment saga (its steps: SagaDefinition.cs)", "src/Modules/Ordering/Ordering/Fulfilment/SagaStateMachine.cs",
            SagaStateMachine.For(FulfilmentSaga.Start(Guid.Empty, DateTimeOffset.UnixEpoch)), SagaStateMachine.Refusals.Rows);

    [Fact]
    public void Given_the_return_machine_When_exported_Then_docs_state_machines_return_md_is_current() =>
        StateMachineDocument.AssertCurrent("return", "Return", "src/Modules/Ordering/Ordering/Returns/ReturnStateMachine.cs",
            ReturnStateMachine.For(Return.Request(Guid.Empty, "reason", [], "docs", DateTimeOffset.UnixEpoch, NoHistory.Instance)));

    private sealed class NoHistory : OrderManagement.BuildingBlocks.History.IHistoryLog
    {
        public static readonly NoHistory Instance = new();

        public void Record(Guid orderId, string subject, Guid subjectId, string @event, string? fromState, string? toState, string? detail = null)
        {
        }
    }
}
