using OrderManagement.BuildingBlocks.Domain;
using Stateless;

namespace OrderManagement.Ordering.Orders;

// The order's lifecycle as a Stateless machine over the order's own Status. A trigger the table does not permit
// throws InvalidTransitionException (a 409 naming state and trigger) instead of Stateless's InvalidOperationException.
internal static class OrderStateMachine
{
    public static StateMachine<OrderStatus, OrderTrigger> For(Order order)
    {
        var machine = new StateMachine<OrderStatus, OrderTrigger>(() => order.Status, s => order.Status = s);
        machine.Configure(OrderStatus.Pending)
            .Permit(OrderTrigger.Confirm, OrderStatus.Confirmed)
            .Permit(OrderTrigger.Reject, OrderStatus.Rejected)
            .Permit(OrderTrigger.Cancel, OrderStatus.Cancelled);
        machine.Configure(OrderStatus.Confirmed)
            .Permit(OrderTrigger.Ship, OrderStatus.Shipped)
            .Permit(OrderTrigger.Cancel, OrderStatus.Cancelled);
        machine.Configure(OrderStatus.Shipped)
            .Permit(OrderTrigger.Deliver, OrderStatus.Delivered);
        machine.OnUnhandledTrigger((state, trigger, unmetGuards) =>
            throw new InvalidTransitionException(nameof(OrderStatus), state.ToString(), trigger.ToString(), unmetGuards));
        return machine;
    }

    // The event under which a transition appears in the order's history.
    public static string EventOf(OrderTrigger trigger) => trigger switch
    {
        OrderTrigger.Confirm => "OrderConfirmed",
        OrderTrigger.Ship => "OrderShipped",
        OrderTrigger.Deliver => "OrderDelivered",
        OrderTrigger.Cancel => "OrderCancelled",
        OrderTrigger.Reject => "OrderRejected",
        _ => throw new ArgumentOutOfRangeException(nameof(trigger), trigger, null),
    };
}
