namespace OrderManagement.Ordering.Orders;

// What moves an order's OrderStatus (OrderStateMachine).
internal enum OrderTrigger
{
    Confirm,
    Ship,
    Deliver,
    Cancel,
    Reject,
}
