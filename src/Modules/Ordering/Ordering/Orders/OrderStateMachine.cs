using OrderManagement.BuildingBlocks.StateMachines;

namespace OrderManagement.Ordering.Orders;

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
        return machine;
    }
}
