using OrderManagement.BuildingBlocks.Domain;
using Stateless;

namespace OrderManagement.Ordering.Orders;

// The order's lifecycle as a Stateless machine over the order's own Status. A trigger the table does not permit, or
// whose guard is unmet, throws InvalidTransitionException: the API's problem for it in Refusals, or a 409 naming state
// and trigger. Return and CancelLines change no status (the return, or the line cancellation, is its own record): the
// state where they are allowed ignores them, and their handlers ask the machine with EnsurePermitted.
internal static class OrderStateMachine
{
    public const string EveryUnitLeft = "every unit has left";
    public const string EveryShipmentDelivered = "every shipment that left is delivered";
    public const string NoCancellationRequested = "no cancellation is under way";

    public static readonly TransitionRefusals<Order, OrderStatus, OrderTrigger> Refusals = new TransitionRefusals<Order, OrderStatus, OrderTrigger>(nameof(OrderStatus))
        .On(OrderTrigger.Cancel, "order-not-cancellable",
            (order, state) => $"Order {order.Id} is {state}; only Pending or Confirmed orders can be cancelled.")
        .On(OrderTrigger.Return, "order-not-delivered",
            (order, state) => $"Order {order.Id} is {state}: only a Delivered order's units can be returned.")
        .On(OrderTrigger.CancelLines, "order-lines-not-cancellable",
            (order, state) => $"Order {order.Id} is {(order.CancellationRequestedAt is null ? state.ToString() : "being cancelled")}; lines can be "
                + "cancelled only while the order is Confirmed and units are still waiting to be shipped.");

    public static StateMachine<OrderStatus, OrderTrigger> For(Order order)
    {
        var machine = new StateMachine<OrderStatus, OrderTrigger>(() => order.Status, s => order.Status = s);
        machine.Configure(OrderStatus.Pending)
            .Permit(OrderTrigger.Confirm, OrderStatus.Confirmed)
            .Permit(OrderTrigger.Reject, OrderStatus.Rejected)
            .Permit(OrderTrigger.Cancel, OrderStatus.Cancelled);
        machine.Configure(OrderStatus.Confirmed)
            .PermitIf(OrderTrigger.Ship, OrderStatus.Shipped, () => order.EveryUnitShipped, EveryUnitLeft)
            .Permit(OrderTrigger.Cancel, OrderStatus.Cancelled)
            .IgnoreIf(OrderTrigger.CancelLines, () => order.CancellationRequestedAt is null, NoCancellationRequested);
        machine.Configure(OrderStatus.Shipped)
            .PermitIf(OrderTrigger.Deliver, OrderStatus.Delivered, () => order.EveryShipmentDelivered, EveryShipmentDelivered);
        machine.Configure(OrderStatus.Delivered)
            .Ignore(OrderTrigger.Return);
        machine.OnUnhandledTrigger((state, trigger, unmetGuards) => throw Refusals.Refuse(order, state, trigger, unmetGuards));
        return machine;
    }

    // Throws the machine's refusal unless the trigger could fire now: for a request the order accepts without a change
    // of status (a return, a line cancellation) or whose transition comes later (a cancellation, at the saga's end).
    public static void EnsurePermitted(Order order, OrderTrigger trigger)
    {
        if (!For(order).CanFire(trigger, out var unmetGuards))
        {
            throw Refusals.Refuse(order, order.Status, trigger, unmetGuards);
        }
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
