namespace OrderManagement.Ordering.Orders;

// What moves an order's OrderStatus (OrderStateMachine).
internal enum OrderTrigger
{
    Confirm,
    Ship,
    Deliver,
    Cancel,
    Reject,
    Return, // a return of delivered units; the order stays Delivered
    CancelLines, // a cancellation of some units; the order stays Confirmed
}
