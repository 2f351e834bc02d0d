namespace OrderManagement.Ordering.Orders;

internal enum OrderStatus
{
    Pending,
    Confirmed,
    Shipped,
    Delivered,
    Cancelled,
    Rejected,
}

internal enum OrderTrigger
{
    Confirm,
    Ship,
    Deliver,
    Cancel,
    Reject,
}

internal enum RejectionReason
{
    OutOfStock,
    PaymentDeclined,
    PaymentFailed,
    RejectedInReview,
}
