namespace OrderManagement.Ordering.Returns;

internal enum ReturnStatus
{
    Requested,
    Received,
    Refunded,
    Rejected,
}

internal enum ReturnTrigger
{
    Receive,
    Refund,
    Reject,
}
